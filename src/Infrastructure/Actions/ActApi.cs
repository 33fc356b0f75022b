using System.Text;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Actions;

/// <summary><c>GET/POST /act/{token}</c>: confirm, then perform, a one-click action from an email.</summary>
public static class ActApi
{
    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("ConfirmAction", HttpMethods.Get, "/act/{token}", ConfirmAsync),
        new("PerformAction", HttpMethods.Post, "/act/{token}", PerformAsync),
    ];

    /// <summary>Shows what the link will do. Never changes anything: mail scanners open every link.</summary>
    internal static async Task<ContentHttpResult> ConfirmAsync(
        string token,
        SignedLinks links,
        IEnumerable<ILinkActionHandler> handlers,
        IOptions<CoachFlowOptions> options,
        CancellationToken cancellationToken)
    {
        var coach = options.Value.Coach;
        var opened = await OpenAsync(token, links, handlers, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return PageLayout.InvalidLink(coach);
        }

        var (handler, grant, engagement) = opened.Value;
        var prompt = await handler.DescribeAsync(engagement, grant, cancellationToken).ConfigureAwait(false);
        if (prompt.Settled is { } settled)
        {
            return Answer(coach, settled);
        }

        var body = new StringBuilder()
            .Append("<p>").Append(Html.Encode(prompt.Question)).Append("</p>")
            .Append("<form method=\"post\" action=\"/act/").Append(Html.Encode(token)).Append("\">");
        foreach (var field in prompt.Fields)
        {
            body.Append("<div class=\"field\"><label for=\"").Append(field.Name).Append("\">").Append(Html.Encode(field.Label)).Append("</label>")
                .Append("<p class=\"hint\" id=\"").Append(field.Name).Append("-hint\">").Append(Html.Encode(field.Hint)).Append("</p>")
                .Append(field.Multiline ? "<textarea" : "<input type=\"text\"")
                .Append(" id=\"").Append(field.Name).Append("\" name=\"").Append(field.Name).Append("\" maxlength=\"").Append(field.MaxLength)
                .Append("\" aria-describedby=\"").Append(field.Name).Append("-hint\">").Append(field.Multiline ? "</textarea>" : string.Empty).Append("</div>");
        }

        body.Append("<button type=\"submit\">").Append(Html.Encode(prompt.Button)).Append("</button></form>")
            .Append("<p class=\"hint\">Nothing happens until you press the button.</p>");
        return PageLayout.Page(coach, prompt.Title, body.ToString());
    }

    internal static async Task<ContentHttpResult> PerformAsync(
        string token,
        HttpRequest request,
        SignedLinks links,
        IEnumerable<ILinkActionHandler> handlers,
        DurableTaskClient workflows,
        IOptions<CoachFlowOptions> options,
        CancellationToken cancellationToken)
    {
        var coach = options.Value.Coach;
        var opened = await OpenAsync(token, links, handlers, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return PageLayout.InvalidLink(coach);
        }

        var (handler, grant, engagement) = opened.Value;
        var prompt = await handler.DescribeAsync(engagement, grant, cancellationToken).ConfigureAwait(false);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        var fields = prompt.Fields.ToDictionary(
            f => f.Name,
            f => form?[f.Name].ToString().Trim() is { Length: > 0 } value ? value[..Math.Min(value.Length, f.MaxLength)] : string.Empty);
        var outcome = await handler.PerformAsync(engagement, grant, fields, workflows, cancellationToken).ConfigureAwait(false);
        return Answer(coach, outcome);
    }

    /// <summary>The page for an outcome; also what opening a link shows once its action is settled, so GET and POST say the same.</summary>
    private static ContentHttpResult Answer(CoachProfileOptions coach, ActOutcome outcome) => outcome.Kind switch
    {
        ActOutcomeKind.Done => PageLayout.Page(coach, outcome.Title, $"<p>{Html.Encode(outcome.Message)}</p>"),
        ActOutcomeKind.AlreadyRecorded => PageLayout.Page(coach, "Already recorded", $"<p>This was already recorded. {Html.Encode(outcome.Message)}</p>"),
        _ => PageLayout.Page(coach, outcome.Title, $"<p>{Html.Encode(outcome.Message)}</p>", StatusCodes.Status409Conflict),
    };

    private static async Task<(ILinkActionHandler Handler, LinkGrant Grant, Domain.Engagements.Engagement Engagement)?> OpenAsync(
        string token, SignedLinks links, IEnumerable<ILinkActionHandler> handlers, CancellationToken cancellationToken)
    {
        var byAction = handlers.ToDictionary(h => h.Action);
        return await links.OpenAsync(token, byAction.Keys, cancellationToken).ConfigureAwait(false) is (var grant, var engagement)
            ? (byAction[grant.Action], grant, engagement)
            : null;
    }

}
