using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Timeline;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>Gathers an <see cref="EngagementExport"/> from the stores, for the client or for the coach.</summary>
public sealed class EngagementExporter(EngagementRecords records, EngagementTimeline timeline, TimeProvider clock)
{
    public async Task<EngagementExport> ExportAsync(Engagement engagement, Actor forWhom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var id = engagement.Id;
        var entries = await timeline.ListAsync(id, cancellationToken).ConfigureAwait(false);
        return new EngagementExport(
            id.Value,
            clock.GetUtcNow(),
            engagement.Stage.ToString(),
            engagement.CreatedAt,
            engagement.UpdatedAt,
            engagement.Intake,
            engagement.Chemistry,
            await records.GetAsync<TriageRecord>(id, EngagementRecords.Triage, cancellationToken).ConfigureAwait(false),
            await records.GetAsync<Reflection>(id, EngagementRecords.ReflectionOf(Actor.Client), cancellationToken).ConfigureAwait(false),
            forWhom == Actor.Coach ? await records.GetAsync<Reflection>(id, EngagementRecords.ReflectionOf(Actor.Coach), cancellationToken).ConfigureAwait(false) : null,
            await records.GetAsync<AgreementSignature>(id, EngagementRecords.Agreement, cancellationToken).ConfigureAwait(false),
            await records.GetAsync<WithdrawalRecord>(id, EngagementRecords.Withdrawal, cancellationToken).ConfigureAwait(false),
            [.. entries.Select(e => new TimelineItem(e.At, e.Actor.ToString(), e.Kind, e.Summary))]);
    }
}
