using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
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
        ReflectionRecorder recorder,
        DurableTaskClient workflows,
        IOptions<CoachFlowOptions> options,
        CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(token, links, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return PageResults.InvalidLink();
        }

        var (who, engagement) = opened.Value;
        var values = await FormValuesAsync(request, cancellationToken).ConfigureAwait(false);
        var submission = await recorder.SubmitAsync(engagement, who, values, workflows, cancellationToken).ConfigureAwait(false);
        return submission switch
        {
            { Stored: { } stored } => ReflectionPage.Recorded(who, engagement.Intake.Name, stored, await ClientReflectionAsync(records, engagement, cancellationToken).ConfigureAwait(false), submission.JustNow),
            { NotOpen: true } => NotOpen(engagement),
            _ => ReflectionPage.Form($"/reflect/{token}", who, Other(who, engagement, options.Value.Coach), values, submission.Errors),
        };
    }

    /// <summary>A reflection form's fields, trimmed.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FormValuesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        return (form ?? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)[])
            .ToDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.Ordinal);
    }

    private static async Task<(Actor Who, Engagement Engagement)?> OpenAsync(string token, SignedLinks links, CancellationToken cancellationToken) =>
        await links.OpenAsync(token, [LinkAction.Reflect], cancellationToken).ConfigureAwait(false) is (var grant, var engagement) && grant.Actor is Actor.Coach or Actor.Client
            ? (grant.Actor, engagement)
            : null;

    private static Task<Reflection?> ClientReflectionAsync(EngagementRecords records, Engagement engagement, CancellationToken cancellationToken) =>
        records.GetAsync<Reflection>(engagement.Id, EngagementRecords.ReflectionOf(Actor.Client), cancellationToken);

    private static string Other(Actor who, Engagement engagement, CoachProfileOptions coach) => who == Actor.Coach ? engagement.Intake.Name : coach.Name;

    private static RazorComponentResult NotOpen(Engagement engagement) =>
        PageResults.Message(
            "Not open for reflection",
            $"{(engagement.Stage.IsTerminal() ? "Reflections are closed." : "Reflections open after the chemistry session.")} This engagement is now {engagement.Stage}.",
            StatusCodes.Status409Conflict);
}
