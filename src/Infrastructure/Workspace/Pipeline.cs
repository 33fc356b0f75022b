using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>
/// The coach's pipeline: every engagement with what it waits for. A stage's wait starts when the engagement last
/// changed (the stage change), so its deadline is that moment plus the stage's configured timeout, as the workflow
/// counts it; a booked session's deadline is the session itself.
/// </summary>
public sealed class Pipeline(EngagementStore engagements, EngagementRecords records, IOptions<CoachFlowOptions> options)
{
    /// <summary>Engagements matching <paramref name="search"/> (part of a name or email; all when empty), most recently changed first.</summary>
    public async Task<IReadOnlyList<PipelineEntry>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        var all = await engagements.ListAsync(cancellationToken).ConfigureAwait(false);
        var matching = all
            .Where(e => string.IsNullOrWhiteSpace(search)
                || e.Intake.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
                || e.Intake.Email.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.UpdatedAt);
        List<PipelineEntry> entries = [];
        foreach (var engagement in matching)
        {
            entries.Add(await EntryAsync(engagement, cancellationToken).ConfigureAwait(false));
        }

        return entries;
    }

    public async Task<PipelineEntry> EntryAsync(Engagement engagement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var durations = options.Value.Durations;
        var since = engagement.UpdatedAt;
        var (waitingFor, on, deadline) = engagement.Stage switch
        {
            Stage.Received => ("CoachFlow to send the first emails", null, (DateTimeOffset?)null),
            Stage.AwaitingCoachTriage => ("your triage: invite or decline", "you", since + durations.TriageTimeout),
            Stage.AwaitingBooking => ("a chemistry session to be booked", "the client", since + durations.BookingTimeout),
            Stage.ChemistryScheduled => ("the chemistry session", "both of you", engagement.Chemistry?.Start),
            Stage.AwaitingDecisions => await DecisionsAsync(engagement, since + durations.DecisionTimeout, cancellationToken).ConfigureAwait(false),
            Stage.AwaitingAgreement => ("the client to accept the agreement", "the client", since + durations.AgreementTimeout),
            _ => ("nothing: it has ended", null, null),
        };
        return new PipelineEntry(engagement.Id, engagement.Intake.Name, engagement.Intake.Email, engagement.Stage, since, waitingFor, on, ScreeningFlags.For(engagement.Intake), deadline);
    }

    private async Task<(string, string?, DateTimeOffset?)> DecisionsAsync(Engagement engagement, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var coach = await records.GetAsync<Reflection>(engagement.Id, EngagementRecords.ReflectionOf(Actor.Coach), cancellationToken).ConfigureAwait(false);
        var client = await records.GetAsync<Reflection>(engagement.Id, EngagementRecords.ReflectionOf(Actor.Client), cancellationToken).ConfigureAwait(false);
        var on = (coach, client) switch
        {
            (null, null) => "both of you",
            (null, _) => "you",
            _ => "the client",
        };
        return ("reflections on the chemistry session", on, deadline);
    }
}
