using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// The coach's enquiry email goes out before the workflow records that it waits for triage, so a coach who
/// clicks at once finds the engagement still Received: the triage links must offer their buttons, not "moved on".
/// </summary>
public sealed class EarlyTriageTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    [Theory]
    [InlineData(LinkAction.InviteToChemistry, "Yes, send the invitation")]
    [InlineData(LinkAction.DeclineAtTriage, "Send the kind decline")]
    public async Task A_triage_link_opened_while_the_engagement_is_still_received_offers_its_button(LinkAction action, string button)
    {
        var answers = new IntakeAnswers("Ada Lovelace", "ada@example.com", "America/Los_Angeles", "Lead well.", [], MentalHealthSupport.No, null, null);
        var id = (await App.Get<EngagementStore>().CreateAsync(EngagementIds.New(), answers, null, CoachFlowApp.Start, Ct)).Engagement.Id;
        var links = App.Get<PublicLinks>();
        var link = action == LinkAction.InviteToChemistry ? links.InviteToChemistry(id) : links.DeclineAtTriage(id);

        var page = await Client.GetAsync(link.PathAndQuery, Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(button, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
