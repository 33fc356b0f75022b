using System.Text.Json;
using System.Text.Json.Serialization;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Privacy;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>
/// <c>/coach</c>: the coach's workspace behind a passwordless sign-in (<see cref="CoachSignIns"/>,
/// <see cref="CoachSession"/>). Without a session every workspace address answers with the sign-in page and nothing
/// else; every form post needs the session (where it applies) and a genuine antiforgery token. Actions run through
/// the same handlers and operations as the emailed links.
/// </summary>
public static class WorkspaceApi
{
    public const string RequestSignInRoute = "RequestCoachSignIn";
    public const string SignInRoute = "CoachSignIn";

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("ShowCoachWorkspace", HttpMethods.Get, "/coach", ShowPipelineAsync),
        new(RequestSignInRoute, HttpMethods.Post, "/coach/sign-in", RequestSignInAsync),
        new("ConfirmCoachSignIn", HttpMethods.Get, "/coach/sign-in/{token}", ConfirmSignInAsync),
        new(SignInRoute, HttpMethods.Post, "/coach/sign-in/{token}", SignInAsync),
        new("CoachSignOut", HttpMethods.Post, "/coach/sign-out", SignOutAsync),
        new("ShowCoachEngagement", HttpMethods.Get, "/coach/engagements/{id}", ShowEngagementAsync),
        new("CoachAction", HttpMethods.Post, "/coach/engagements/{id}/act/{action}", ActAsync),
        new("CoachReflection", HttpMethods.Post, "/coach/engagements/{id}/reflection", ReflectAsync),
        new("CoachResendLink", HttpMethods.Post, "/coach/engagements/{id}/resend", ResendAsync),
        new("CoachExport", HttpMethods.Get, "/coach/engagements/{id}/export", ExportAsync),
        new("CoachErase", HttpMethods.Post, "/coach/engagements/{id}/erase", EraseAsync),
    ];

    internal static async Task<IResult> ShowPipelineAsync(HttpContext context, string? q, string? ended, Pipeline pipeline, CancellationToken cancellationToken)
    {
        if (!await CoachSession.IsSignedInAsync(context).ConfigureAwait(false))
        {
            return SignInPage(context);
        }

        var entries = await pipeline.ListAsync(q, cancellationToken).ConfigureAwait(false);
        Stage? endedFilter = Enum.TryParse<Stage>(ended, out var stage) && stage.IsTerminal() ? stage : null;
        return PageResults.Render<PipelinePage>(new
        {
            Open = entries.Where(e => !e.Stage.IsTerminal()).ToList(),
            Ended = entries.Where(e => e.Stage.IsTerminal() && (endedFilter is null || e.Stage == endedFilter)).ToList(),
            Search = q,
            EndedFilter = endedFilter,
            Token = CoachSession.FormToken(context),
        });
    }

    /// <summary>The same answer for every address, and an email only to the coach's.</summary>
    internal static async Task<IResult> RequestSignInAsync(HttpContext context, CoachSignIns signIns, CancellationToken cancellationToken)
    {
        if (!await CoachSession.IsFormGenuineAsync(context).ConfigureAwait(false))
        {
            return StaleForm();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        await signIns.RequestAsync(form["email"].ToString(), cancellationToken).ConfigureAwait(false);
        return SignInPage(context, sent: true);
    }

    /// <summary>Shows the sign-in button; never uses the link up (mail scanners open links).</summary>
    internal static async Task<IResult> ConfirmSignInAsync(string token, HttpContext context, CoachSignIns signIns, CancellationToken cancellationToken) =>
        await signIns.IsUsableAsync(token, cancellationToken).ConfigureAwait(false)
            ? PageResults.Render<SignInLinkPage>(new { Action = $"/coach/sign-in/{token}", Token = CoachSession.FormToken(context) })
            : UnusableSignInLink();

    internal static async Task<IResult> SignInAsync(string token, HttpContext context, CoachSignIns signIns, CancellationToken cancellationToken)
    {
        if (!await CoachSession.IsFormGenuineAsync(context).ConfigureAwait(false))
        {
            return StaleForm();
        }

        if (!await signIns.TryUseAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return UnusableSignInLink();
        }

        await CoachSession.SignInAsync(context).ConfigureAwait(false);
        return new SeeOtherResult("/coach");
    }

    internal static async Task<IResult> SignOutAsync(HttpContext context)
    {
        if (await GuardPostAsync(context).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        await CoachSession.SignOutAsync(context).ConfigureAwait(false);
        return new SeeOtherResult("/coach");
    }

    internal static async Task<IResult> ShowEngagementAsync(HttpContext context, string id, WorkspaceEngagements engagements, CancellationToken cancellationToken)
    {
        if (!await CoachSession.IsSignedInAsync(context).ConfigureAwait(false))
        {
            return SignInPage(context);
        }

        var engagement = await engagements.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return engagement is null ? NotFound() : await engagements.PageAsync(context, engagement, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    internal static Task<IResult> ActAsync(
        HttpContext context,
        string id,
        string action,
        WorkspaceEngagements engagements,
        IEnumerable<ILinkActionHandler> handlers,
        DurableTaskClient workflows,
        CancellationToken cancellationToken) => OnPostedEngagementAsync(context, id, engagements, async engagement =>
    {
        var handler = Enum.TryParse<LinkAction>(action, out var linkAction) && WorkspaceEngagements.Actions.Contains(linkAction)
            ? handlers.SingleOrDefault(h => h.Action == linkAction)
            : null;
        if (handler is null)
        {
            return NotFound();
        }

        // The coach holds the workspace session instead of the emailed link: the grant the link would carry.
        var grant = new LinkGrant(engagement.Id, Actor.Coach, linkAction, DateTimeOffset.MaxValue);
        var outcome = await ActApi.RunAsync(handler, engagement, grant, context.Request, workflows, cancellationToken).ConfigureAwait(false);
        var current = await engagements.FindAsync(id, cancellationToken).ConfigureAwait(false) ?? engagement;
        var status = outcome.Kind == ActOutcomeKind.NotPossible ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        return await engagements.PageAsync(context, current, notice: $"{outcome.Title}. {outcome.Message}", statusCode: status, cancellationToken: cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    internal static Task<IResult> ReflectAsync(
        HttpContext context, string id, WorkspaceEngagements engagements, ReflectionRecorder recorder, DurableTaskClient workflows, CancellationToken cancellationToken) =>
        OnPostedEngagementAsync(context, id, engagements, async engagement =>
    {
        var values = await ReflectionApi.FormValuesAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var submission = await recorder.SubmitAsync(engagement, Actor.Coach, values, workflows, cancellationToken).ConfigureAwait(false);
        var notice = submission switch
        {
            { Stored: not null, JustNow: true } => "Your reflection is recorded.",
            { Stored: not null } => "Your reflection was already recorded; it stands as it is.",
            { NotOpen: true } => $"Reflections open after the chemistry session. This engagement is now {engagement.Stage}.",
            _ => null,
        };
        return await engagements.PageAsync(
            context,
            engagement,
            notice,
            submission.Errors.Count > 0 ? values : null,
            submission.Errors,
            submission.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    /// <summary>Sends the client again the email with the link waiting on them; once per page view.</summary>
    internal static Task<IResult> ResendAsync(HttpContext context, string id, WorkspaceEngagements engagements, ClientLinkResend resend, CancellationToken cancellationToken) =>
        OnPostedEngagementAsync(context, id, engagements, async engagement =>
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await resend.ResendAsync(engagement, form[ClientLinkResend.SeenField].ToString(), cancellationToken).ConfigureAwait(false);
        var (notice, status) = outcome switch
        {
            ResendOutcome.Sent => ("The client's link is on its way to them again.", StatusCodes.Status200OK),
            ResendOutcome.Stale => ("That form was already used, so nothing more was sent. To send the link once more, use the button on this page.", StatusCodes.Status409Conflict),
            ResendOutcome.NoLink => ($"Nothing was sent: no link waits on the client at this stage ({PipelinePage.StageName(engagement.Stage)}).", StatusCodes.Status409Conflict),
            ResendOutcome.NotSent => ("The email could not be sent just now, so nothing was sent. Please try again in a few minutes.", StatusCodes.Status503ServiceUnavailable),
            _ => (null, StatusCodes.Status404NotFound),
        };
        return notice is null
            ? NotFound()
            : await engagements.PageAsync(context, engagement, notice, statusCode: status, cancellationToken: cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    internal static async Task<IResult> ExportAsync(HttpContext context, string id, WorkspaceEngagements engagements, EngagementExporter exporter, CancellationToken cancellationToken)
    {
        if (!await CoachSession.IsSignedInAsync(context).ConfigureAwait(false))
        {
            return SignInPage(context);
        }

        if (await engagements.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } engagement)
        {
            return NotFound();
        }

        var data = await exporter.ExportAsync(engagement, Actor.Coach, cancellationToken).ConfigureAwait(false);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data, ExportJson), "application/json", $"coachflow-data-{engagement.Id.Value}.json");
    }

    internal static Task<IResult> EraseAsync(
        HttpContext context, string id, WorkspaceEngagements engagements, EngagementEraser eraser, DurableTaskClient workflows, CancellationToken cancellationToken) =>
        OnPostedEngagementAsync(context, id, engagements, async engagement =>
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        if (form[DataPage.ConfirmField].ToString() != DataPage.ConfirmValue)
        {
            return await engagements.PageAsync(context, engagement, "Nothing was erased: please tick the box to confirm.", statusCode: StatusCodes.Status400BadRequest, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var tombstone = await eraser.EraseAsync(engagement.Id, Actor.Coach, workflows, cancellationToken).ConfigureAwait(false);
        return DataPage.Erased(tombstone);
    }, cancellationToken);

    /// <summary>A form post on one engagement: the post's checks, then the engagement it names, or the page that answers instead.</summary>
    private static async Task<IResult> OnPostedEngagementAsync(
        HttpContext context, string id, WorkspaceEngagements engagements, Func<Engagement, Task<IResult>> act, CancellationToken cancellationToken)
    {
        if (await GuardPostAsync(context).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
        }

        return await engagements.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } engagement
            ? await act(engagement).ConfigureAwait(false)
            : NotFound();
    }

    /// <summary>A form post needs the session, then a genuine antiforgery token (bound to the session's user).</summary>
    private static async Task<IResult?> GuardPostAsync(HttpContext context) =>
        !await CoachSession.IsSignedInAsync(context).ConfigureAwait(false) ? SignInPage(context, statusCode: StatusCodes.Status401Unauthorized)
        : !await CoachSession.IsFormGenuineAsync(context).ConfigureAwait(false) ? StaleForm()
        : null;

    private static RazorComponentResult SignInPage(HttpContext context, bool sent = false, int statusCode = StatusCodes.Status200OK) =>
        PageResults.Render<SignInPage>(new { Token = CoachSession.FormToken(context), Sent = sent }, statusCode);

    private static RazorComponentResult StaleForm() => PageResults.Message(
        "That form could not be accepted",
        "It did not come from your workspace, or the page was open too long. Please go back, reload the page and try again.",
        StatusCodes.Status400BadRequest);

    private static RazorComponentResult UnusableSignInLink() => PageResults.Message(
        "This sign-in link can't be used",
        "It is not valid, has expired, or has already been used. Please ask for a new one on the sign-in page.",
        StatusCodes.Status404NotFound);

    private static RazorComponentResult NotFound() => PageResults.Message("No such engagement", "It may have been erased. Please go back to your pipeline.", StatusCodes.Status404NotFound);
}
