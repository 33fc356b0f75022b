using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>
/// A request body ASP.NET Core cannot read (a form over its limits, a broken multipart boundary, a body cut short)
/// is the client's mistake: it gets a 400 page or problem+json, never a 500. (An I/O error while reading the request
/// is the client's too: if the connection itself is gone, nobody reads the answer.)
/// </summary>
public static class UnreadableRequests
{
    public static IApplicationBuilder UseUnreadableRequestsAsClientErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException && !context.Response.HasStarted)
            {
                var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                context.Response.Clear();
                await ErrorPages.RespondAsync(context, status).ConfigureAwait(false);
            }
        });
}
