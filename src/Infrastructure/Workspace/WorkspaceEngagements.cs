using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.AspNetCore.Http;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>One engagement as the workspace shows it, with the actions its stage offers (each described by its own handler).</summary>
public sealed class WorkspaceEngagements(
    EngagementStore store, EngagementRecords records, EngagementTimeline timeline, Pipeline pipeline, IEnumerable<ILinkActionHandler> handlers, ClientLinkResend resend)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    /// <summary>The emailed links' actions the workspace offers; each handler itself says when one no longer applies.</summary>
    public static readonly IReadOnlyList<LinkAction> Actions =
        [LinkAction.InviteToChemistry, LinkAction.DeclineAtTriage, LinkAction.MarkSessionHeld, LinkAction.ReportNoShow, LinkAction.WithdrawEngagement];

    public async Task<Engagement?> FindAsync(string id, CancellationToken cancellationToken) =>
        EngagementId.TryParse(id, out var engagementId) ? await store.GetAsync(engagementId, cancellationToken).ConfigureAwait(false) : null;

    public async Task<IResult> PageAsync(
        HttpContext context,
        Engagement engagement,
        string? notice = null,
        IReadOnlyDictionary<string, string>? reflectionValues = null,
        IReadOnlyDictionary<string, string>? reflectionErrors = null,
        int statusCode = StatusCodes.Status200OK,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var coachReflection = await records.GetAsync<Reflection>(engagement.Id, EngagementRecords.ReflectionOf(Actor.Coach), cancellationToken).ConfigureAwait(false);
        List<WorkspaceAction> actions = [];
        foreach (var handler in handlers.Where(h => ActionsAt(engagement.Stage).Contains(h.Action)).OrderBy(h => Array.IndexOf(ActionsAt(engagement.Stage), h.Action)))
        {
            var prompt = await handler.DescribeAsync(engagement, new LinkGrant(engagement.Id, Actor.Coach, handler.Action, DateTimeOffset.MaxValue), cancellationToken).ConfigureAwait(false);
            if (prompt.Settled is null)
            {
                actions.Add(new WorkspaceAction(handler.Action, prompt));
            }
        }

        var entries = await timeline.ListAsync(engagement.Id, cancellationToken).ConfigureAwait(false);
        return PageResults.Render<CoachEngagementPage>(
            new
            {
                Entry = await pipeline.EntryAsync(engagement, cancellationToken).ConfigureAwait(false),
                Engagement = engagement,
                Timeline = entries,
                Triage = await records.GetAsync<TriageRecord>(engagement.Id, EngagementRecords.Triage, cancellationToken).ConfigureAwait(false),
                ClientReflection = await records.GetAsync<Reflection>(engagement.Id, EngagementRecords.ReflectionOf(Actor.Client), cancellationToken).ConfigureAwait(false),
                CoachReflection = coachReflection,
                Agreement = await records.GetAsync<AgreementSignature>(engagement.Id, EngagementRecords.Agreement, cancellationToken).ConfigureAwait(false),
                Withdrawal = await records.GetAsync<WithdrawalRecord>(engagement.Id, EngagementRecords.Withdrawal, cancellationToken).ConfigureAwait(false),
                Actions = actions,
                ReflectionOpen = engagement.Stage == Stage.AwaitingDecisions && coachReflection is null,
                ResendsSeen = await resend.IsOfferedAsync(engagement, cancellationToken).ConfigureAwait(false) ? ClientLinkResend.Count(entries) : (int?)null,
                ReflectionValues = reflectionValues ?? NoValues,
                ReflectionErrors = reflectionErrors ?? NoValues,
                Notice = notice,
                Token = CoachSession.FormToken(context),
            },
            statusCode);
    }

    /// <summary>The actions shown at <paramref name="stage"/>; withdrawing comes last, while the engagement lasts.</summary>
    private static LinkAction[] ActionsAt(Stage stage) => stage switch
    {
        Stage.AwaitingCoachTriage => [LinkAction.InviteToChemistry, LinkAction.DeclineAtTriage, LinkAction.WithdrawEngagement],
        Stage.ChemistryScheduled => [LinkAction.MarkSessionHeld, LinkAction.ReportNoShow, LinkAction.WithdrawEngagement],
        _ when !stage.IsTerminal() => [LinkAction.WithdrawEngagement],
        _ => [],
    };
}
