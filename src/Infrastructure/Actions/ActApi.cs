using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

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
    internal static async Task<RazorComponentResult> ConfirmAsync(
        string token,
        SignedLinks links,
        IEnumerable<ILinkActionHandler> handlers,
        CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(token, links, handlers, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return PageResults.InvalidLink();
        }

        var (handler, grant, engagement) = opened.Value;
        var prompt = await handler.DescribeAsync(engagement, grant, cancellationToken).ConfigureAwait(false);
        // Once the action is settled, opening its link shows what pressing it would answer, so GET and POST say the same.
        return prompt.Settled is { } settled
            ? OutcomePage(settled)
            : PageResults.Render<ActConfirmPage>(new { Prompt = prompt, Action = $"/act/{token}" });
    }

    internal static async Task<RazorComponentResult> PerformAsync(
        string token,
        HttpRequest request,
        SignedLinks links,
        IEnumerable<ILinkActionHandler> handlers,
        DurableTaskClient workflows,
        CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(token, links, handlers, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return PageResults.InvalidLink();
        }

        var (handler, grant, engagement) = opened.Value;
        return OutcomePage(await RunAsync(handler, engagement, grant, request, workflows, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Performs an action with the fields its prompt offers (trimmed, cut to length): the one way an action runs,
    /// whether its emailed link's button or the coach's workspace was pressed.
    /// </summary>
    public static async Task<ActOutcome> RunAsync(
        ILinkActionHandler handler, Engagement engagement, LinkGrant grant, HttpRequest request, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(request);
        var prompt = await handler.DescribeAsync(engagement, grant, cancellationToken).ConfigureAwait(false);
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        var fields = prompt.Fields.ToDictionary(
            f => f.Name,
            f => form?[f.Name].ToString().Trim() is { Length: > 0 } value ? value[..Math.Min(value.Length, f.MaxLength)] : string.Empty);
        return await handler.PerformAsync(engagement, grant, fields, workflows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What an action did, as a page; also what opening a link shows once its action is settled.</summary>
    private static RazorComponentResult OutcomePage(ActOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind switch
        {
            ActOutcomeKind.Done => PageResults.Message(outcome.Title, outcome.Message),
            ActOutcomeKind.AlreadyRecorded => PageResults.Message("Already recorded", $"This was already recorded. {outcome.Message}"),
            _ => PageResults.Message(outcome.Title, outcome.Message, StatusCodes.Status409Conflict),
        };
    }

    private static async Task<(ILinkActionHandler Handler, LinkGrant Grant, Engagement Engagement)?> OpenAsync(
        string token, SignedLinks links, IEnumerable<ILinkActionHandler> handlers, CancellationToken cancellationToken)
    {
        var byAction = handlers.ToDictionary(h => h.Action);
        return await links.OpenAsync(token, byAction.Keys, cancellationToken).ConfigureAwait(false) is (var grant, var engagement)
            ? (byAction[grant.Action], grant, engagement)
            : null;
    }
}
