using System.Globalization;
using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>
/// When storage cannot be reached (after the storage client's own retries), the request is answered
/// <c>503 Service Unavailable</c> with <c>Retry-After</c>: the intake asks to be sent again, a link asks to be
/// clicked again. Every handler reads storage before it changes anything, so nothing was half done.
/// </summary>
public static class StorageOutage
{
    public const int RetryAfterSeconds = 30;

    public static IApplicationBuilder UseStorageOutageAsServiceUnavailable(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (IsOutage(e) && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await ErrorPages.RespondAsync(context, StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
            }
        });

    /// <summary>Storage unreachable or failing on its side: no answer at all, or a 5xx, possibly after retries.</summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or >= 500,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsOutage),
        HttpRequestException or SocketException => true,
        _ => exception.InnerException is { } inner && IsOutage(inner),
    };
}
