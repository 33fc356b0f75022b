using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Workflow;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>
/// Records one side's reflection and yes/no, once: the reflection link's form and the coach's workspace both submit
/// through here. The first answer stands; the workflow hears the decision as <c>CoachDecision</c> or <c>ClientDecision</c>.
/// </summary>
public sealed class ReflectionRecorder(EngagementRecords records, EngagementTimeline timeline, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public async Task<ReflectionSubmission> SubmitAsync(
        Engagement engagement, Actor who, IReadOnlyDictionary<string, string> values, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(values);
        var key = EngagementRecords.ReflectionOf(who);
        if (await records.GetAsync<Reflection>(engagement.Id, key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new ReflectionSubmission(existing, JustNow: false, NoErrors, NotOpen: false);
        }

        if (engagement.Stage != Stage.AwaitingDecisions)
        {
            return new ReflectionSubmission(null, JustNow: false, NoErrors, NotOpen: true);
        }

        var decision = values.GetValueOrDefault(ReflectionPage.DecisionField);
        if (decision is not ("yes" or "no"))
        {
            return new ReflectionSubmission(null, JustNow: false, new Dictionary<string, string> { [ReflectionPage.DecisionField] = "Please choose yes or no; either is a good answer." }, NotOpen: false);
        }

        var answers = ReflectionQuestions.For(who)
            .Where(q => ReflectionQuestions.Answers.Contains(values.GetValueOrDefault(q.Id)))
            .ToDictionary(q => q.Id, q => values[q.Id]);
        var now = clock.GetUtcNow();
        var reflection = new Reflection(
            who,
            answers,
            decision == "yes",
            Limit(values.GetValueOrDefault(ReflectionPage.NoteField), ReflectionPage.MaxNote),
            who == Actor.Coach ? Limit(values.GetValueOrDefault(ReflectionPage.ReferralField), ReflectionPage.MaxReferral) : null,
            now);
        var added = await records.TryAddAsync(engagement.Id, key, reflection, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            // The timeline is visible to the client, so it says that a side answered, never what.
            await timeline.TryAddAsync(engagement.Id, new TimelineEntry($"decision-{who.ToString().ToLowerInvariant()}", now, who, "Decision", $"The {who.ToString().ToLowerInvariant()} recorded their reflection"), cancellationToken).ConfigureAwait(false);
            var eventName = who == Actor.Coach ? EngagementEvents.CoachDecision : EngagementEvents.ClientDecision;
            await workflows.RaiseEngagementEventAsync(engagement.Id, eventName, new FitDecision("decision", reflection.Yes), cancellationToken).ConfigureAwait(false);
        }

        // A racing submission may have won the insert: report what is stored, and which case this is.
        var stored = added ? reflection : await records.GetAsync<Reflection>(engagement.Id, key, cancellationToken).ConfigureAwait(false) ?? reflection;
        return new ReflectionSubmission(stored, JustNow: added, NoErrors, NotOpen: false);
    }

    private static string? Limit(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : value[..Math.Min(value.Length, max)];
}
