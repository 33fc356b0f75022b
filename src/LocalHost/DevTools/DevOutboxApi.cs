using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.LocalHost.DevTools;

/// <summary><c>GET /dev/outbox</c>: the emails the local host "sent", as a page (<see cref="DevOutboxPage"/>) or as JSON.</summary>
internal static class DevOutboxApi
{
    public static IEndpointRouteBuilder MapDevOutboxApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dev/outbox", ListAsync);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxEmail>>, RazorComponentResult>> ListAsync(
        HttpRequest request,
        OutboxStore outbox,
        CancellationToken cancellationToken)
    {
        var emails = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        return request.AcceptsMediaType("application/json") ? TypedResults.Ok(emails) : PageResults.Render<DevOutboxPage>(new { Emails = emails });
    }
}
