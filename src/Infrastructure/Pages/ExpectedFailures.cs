using System.Globalization;
using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>
/// Failures that are not a fault in CoachFlow, answered as what they are instead of a 500 (a page or
/// problem+json, as the client asked):
/// <list type="bullet">
/// <item>storage unreachable, after the storage client's own retries: <c>503</c> with <c>Retry-After</c>. The intake
/// asks to be sent again, a link to be clicked again; every handler reads storage before it changes anything, so
/// nothing was half done;</item>
/// <item>a request body ASP.NET Core cannot read (a form over its limits, a broken multipart boundary, a body cut
/// short): the client's mistake, <c>400</c>. An I/O error while reading the request is the client's too: if the
/// connection itself is gone, nobody reads the answer.</item>
/// </list>
/// </summary>
public static class ExpectedFailures
{
    public const int RetryAfterSeconds = 30;

    public static IApplicationBuilder UseExpectedFailureResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (StatusFor(e) is { } status && !context.Response.HasStarted)
            {
                context.Response.Clear();
                if (status == StatusCodes.Status503ServiceUnavailable)
                {
                    context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                }

                await ErrorPages.RespondAsync(context, status).ConfigureAwait(false);
            }
        });

    private static int? StatusFor(Exception exception) =>
        IsStorageOutage(exception) ? StatusCodes.Status503ServiceUnavailable
        : exception is BadHttpRequestException bad ? bad.StatusCode
        : exception is InvalidDataException or IOException ? StatusCodes.Status400BadRequest
        : null;

    /// <summary>Storage unreachable or failing on its side: no answer at all, or a 5xx, possibly after retries.</summary>
    private static bool IsStorageOutage(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or >= 500,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsStorageOutage),
        HttpRequestException or SocketException => true,
        _ => exception.InnerException is { } inner && IsStorageOutage(inner),
    };
}
