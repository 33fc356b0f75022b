using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Intake;

/// <summary><c>GET /intake</c>, <c>POST /api/intake</c> and the thank-you page (DESIGN §2.3).</summary>
public static class IntakeApi
{
    public const string ThankYouPath = "/intake/thanks";
    public const string ShowFormRoute = "ShowIntakeForm";
    public const string ShowThanksRoute = "ShowIntakeThanks";
    public const string SubmitRoute = "SubmitIntake";

    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new(ShowFormRoute, HttpMethods.Get, "/intake", ShowForm),
        new(ShowThanksRoute, HttpMethods.Get, ThankYouPath, ShowThanks),
        new(SubmitRoute, HttpMethods.Post, "/api/intake", SubmitAsync),
    ];

    internal static RazorComponentResult ShowForm() => IntakePage.Render();

    internal static RazorComponentResult ShowThanks() => IntakePage.ThankYou();

    internal static async Task<Results<Accepted<IntakeAccepted>, SeeOtherResult, ValidationProblem, ProblemHttpResult, RazorComponentResult>> SubmitAsync(
        HttpContext context,
        IntakeRules rules,
        EngagementStore store,
        DurableTaskClient workflows,
        PublicLinks links,
        TimeProvider clock,
        IOptions<CoachFlowOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(typeof(IntakeApi).FullName!);
        var wantsPage = context.Request.AcceptsMediaType("text/html");

        var read = await IntakeRequestReader.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        switch (read.Status)
        {
            case IntakeReadStatus.UnsupportedMediaType:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported media type",
                    detail: "Send the intake as application/json or application/x-www-form-urlencoded (UTF-8).");
            case IntakeReadStatus.TooLarge:
                return wantsPage
                    ? PageResults.Message("That was a lot to send", "Your answers were longer than we can accept (32 KB). Please go back, shorten them a little and send again.", StatusCodes.Status413PayloadTooLarge)
                    : TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Intake too large", detail: $"The body must be at most {IntakeRequestReader.MaxBodyBytes} bytes.");
            case IntakeReadStatus.Malformed:
                return TypedResults.ValidationProblem(read.FieldErrors, title: "The intake could not be read");
        }

        var form = read.Form;
        if (form.FilledHoneypot)
        {
            // Looks like success so the bot learns nothing; nothing is stored or started.
            IntakeLog.HoneypotIgnored(log);
            if (read.FromForm)
            {
                return Redirect(options.Value);
            }

            var decoy = EngagementIds.New();
            var decoyUrl = links.Status(decoy);
            return TypedResults.Accepted(decoyUrl, new IntakeAccepted(decoy.Value, decoyUrl));
        }

        var validation = rules.Validate(form);
        if (!validation.IsValid || read.FieldErrors.Count > 0)
        {
            var errors = validation.Errors.Concat(read.FieldErrors)
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => read.FieldErrors.TryGetValue(g.Key, out var typeError) ? typeError : g.First().Value, StringComparer.Ordinal);
            return read.FromForm && wantsPage
                ? IntakePage.Render(form, errors)
                : TypedResults.ValidationProblem(errors, title: "Some intake answers need another look");
        }

        var candidate = EngagementIds.New();
        var creation = await store.CreateAsync(candidate, validation.Answers!, form.IdempotencyKey, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var id = creation.Engagement.Id;
        IntakeLog.Accepted(log, id.Value, creation.Created);

        // Also on a repeat: it heals a first attempt that stored the engagement but died before starting its workflow.
        // Only an id an earlier request handed out (a repeat under its idempotency key) can have a workflow already.
        await workflows.StartEngagementAsync(id, mintedNow: id == candidate, cancellationToken).ConfigureAwait(false);

        if (read.FromForm)
        {
            return Redirect(options.Value);
        }

        var statusUrl = links.Status(id);
        return TypedResults.Accepted(statusUrl, new IntakeAccepted(id.Value, statusUrl));
    }

    private static SeeOtherResult Redirect(CoachFlowOptions options) => new(options.Intake.ThankYouRedirectUrl ?? ThankYouPath);
}
