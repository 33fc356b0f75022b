using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary><c>GET/POST /reflect/{token}</c>: the coach's or the client's reflection and yes/no after the chemistry session.</summary>
public static class ReflectionApi
{
    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("ShowReflection", HttpMethods.Get, "/reflect/{token}", ShowAsync),
        new("SubmitReflection", HttpMethods.Post, "/reflect/{token}", SubmitAsync),
    ];

    internal static async Task<RazorComponentResult> ShowAsync(
        string token, SignedLinks links, EngagementRecords records, IOptions<CoachFlowOptions> options, CancellationToken cancellationToken)
    {
        var coach = options.Value.Coach;
        var opened = await OpenAsync(token, links, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return PageResults.InvalidLink();
        }

        var (who, engagement) = opened.Value;
        var mine = await records.GetAsync<Reflection>(engagement.Id, EngagementRecords.ReflectionOf(who), cancellationToken).ConfigureAwait(false);
        if (mine is not null)
        {
            return ReflectionPage.Recorded(who, engagement.Intake.Name, mine, await ClientReflectionAsync(records, engagement, cancellationToken).ConfigureAwait(false), justNow: false);
        }

        return engagement.Stage == Stage.AwaitingDecisions
            ? ReflectionPage.Form($"/reflect/{token}", who, Other(who, engagement, coach), new Dictionary<string, string>(), new Dictionary<string, string>())
            : NotOpen(engagement);
    }

    internal static async Task<RazorComponentResult> SubmitAsync(
        string token,
        HttpRequest request,
        SignedLinks links,
        EngagementRecords records,
        EngagementTimeline timeline,
        DurableTaskClient workflows,
        TimeProvider clock,
        IOptions<CoachFlowOptions> options,
        CancellationToken cancellationToken)
    {
        var coach = options.Value.Coach;
        var opened = await OpenAsync(token, links, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return PageResults.InvalidLink();
        }

        var (who, engagement) = opened.Value;
        var key = EngagementRecords.ReflectionOf(who);
        if (await records.GetAsync<Reflection>(engagement.Id, key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return ReflectionPage.Recorded(who, engagement.Intake.Name, existing, await ClientReflectionAsync(records, engagement, cancellationToken).ConfigureAwait(false), justNow: false);
        }

        if (engagement.Stage != Stage.AwaitingDecisions)
        {
            return NotOpen(engagement);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        var values = (form ?? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)[])
            .ToDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.Ordinal);
        var decision = values.GetValueOrDefault(ReflectionPage.DecisionField);
        if (decision is not ("yes" or "no"))
        {
            var errors = new Dictionary<string, string> { [ReflectionPage.DecisionField] = "Please choose yes or no; either is a good answer." };
            return ReflectionPage.Form($"/reflect/{token}", who, Other(who, engagement, coach), values, errors);
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

        // A racing submission may have won the insert: show what is stored, and say which case this is.
        var stored = added ? reflection : await records.GetAsync<Reflection>(engagement.Id, key, cancellationToken).ConfigureAwait(false) ?? reflection;
        return ReflectionPage.Recorded(who, engagement.Intake.Name, stored, await ClientReflectionAsync(records, engagement, cancellationToken).ConfigureAwait(false), justNow: added);
    }

    private static async Task<(Actor Who, Engagement Engagement)?> OpenAsync(string token, SignedLinks links, CancellationToken cancellationToken) =>
        await links.OpenAsync(token, [LinkAction.Reflect], cancellationToken).ConfigureAwait(false) is (var grant, var engagement) && grant.Actor is Actor.Coach or Actor.Client
            ? (grant.Actor, engagement)
            : null;

    private static Task<Reflection?> ClientReflectionAsync(EngagementRecords records, Engagement engagement, CancellationToken cancellationToken) =>
        records.GetAsync<Reflection>(engagement.Id, EngagementRecords.ReflectionOf(Actor.Client), cancellationToken);

    private static string Other(Actor who, Engagement engagement, CoachProfileOptions coach) => who == Actor.Coach ? engagement.Intake.Name : coach.Name;

    private static string? Limit(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : value[..Math.Min(value.Length, max)];

    private static RazorComponentResult NotOpen(Engagement engagement) =>
        PageResults.Message("Not open for reflection", $"Reflections open after the chemistry session. This engagement is now {engagement.Stage}.", StatusCodes.Status409Conflict);
}
