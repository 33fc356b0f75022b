using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>
/// One engagement that has moved on, on its host: signed links of every kind for it (as its emails
/// carry them) and a valid form for each: one that would act if the link still applied.
/// </summary>
public sealed class MovedOnEngagement(MovedOn state, MovedOnHost host, EngagementId id, DateTimeOffset sessionStart)
{
    public MovedOn State { get; } = state;

    public MovedOnHost Host { get; } = host;

    public CoachFlowApp App => Host.App;

    public HttpClient Client => Host.Client;

    public EngagementId Id { get; } = id;

    /// <summary>The link's path and query, signed for this engagement as its email would carry it.</summary>
    public string Link(LinkKind kind)
    {
        var links = App.Get<PublicLinks>();
        var uri = kind switch
        {
            LinkKind.Invite => links.InviteToChemistry(Id),
            LinkKind.Decline => links.DeclineAtTriage(Id),
            LinkKind.SessionHeld => links.SessionHeld(Id, sessionStart),
            LinkKind.NoShow => links.NoShow(Id, sessionStart),
            LinkKind.Cancel => links.CancelChemistry(Id, sessionStart),
            LinkKind.Book => links.Book(Id),
            LinkKind.Reschedule => links.Reschedule(Id, sessionStart),
            LinkKind.CoachReflection => links.Reflect(Id, Actor.Coach),
            LinkKind.ClientReflection => links.Reflect(Id, Actor.Client),
            LinkKind.Agreement => links.Agreement(Id),
            LinkKind.YourData => links.Data(Id, Actor.Client),
            LinkKind.Status => links.Status(Id),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return uri.PathAndQuery;
    }

    /// <summary>What a person would submit: everything the page asks for, filled in as if to go ahead.</summary>
    public async Task<FormUrlEncodedContent> FormAsync(LinkKind kind)
    {
        (string, string)[] fields = kind switch
        {
            LinkKind.Decline => [("note", "Not the right fit"), ("referral", "Alex Moreno")],
            LinkKind.Book or LinkKind.Reschedule => [("slot", await FreeSlotAsync())],
            LinkKind.CoachReflection or LinkKind.ClientReflection => [("decision", "yes"), ("safe", "yes"), ("note", "A late yes")],
            LinkKind.Agreement => [("accept", "yes"), ("signature", "Ada Lovelace")],
            LinkKind.YourData => [("confirm", "erase")],
            _ => [],
        };
        return new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
    }

    public async Task<Stage?> StageAsync() => (await App.Get<EngagementStore>().GetAsync(Id, TestContext.Current.CancellationToken))?.Stage;

    public async Task<bool> WorkflowRunsAsync() =>
        await App.Get<DurableTaskClient>().GetInstanceAsync(Id.Value, TestContext.Current.CancellationToken) is { IsCompleted: false };

    private async Task<string> FreeSlotAsync()
    {
        var free = await App.Get<ChemistryScheduler>().FreeSlotsAsync(TestContext.Current.CancellationToken);
        return SlotFormat.ToUtc(free[0].Start);
    }
}
