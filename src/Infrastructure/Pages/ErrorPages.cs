using CoachFlow.Infrastructure.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>
/// Errors as a readable page for people (their browser asks for HTML) and as problem+json for API
/// clients: an unknown address, a wrong method, or a fault on our side.
/// </summary>
public static class ErrorPages
{
    public static IApplicationBuilder UseCoachFlowErrorPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => RespondAsync(context, StatusCodes.Status500InternalServerError) });
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = context => RespondAsync(context.HttpContext, context.HttpContext.Response.StatusCode) });
        return app;
    }

    /// <summary>Writes the error for <paramref name="status"/> as a page or problem+json, whichever the client asked for.</summary>
    public static async Task RespondAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        var (title, text) = status switch
        {
            StatusCodes.Status404NotFound => ("We couldn't find that page", "The address may be mistyped, or the page has moved. The links in our emails always take you to the right place."),
            StatusCodes.Status405MethodNotAllowed => ("That didn't work", "This page can't be used that way. Please go back and try again."),
            StatusCodes.Status429TooManyRequests => ("Please wait a moment", "That was a lot of tries in a short time. Please wait a minute and try again; nothing you sent before has been lost."),
            StatusCodes.Status503ServiceUnavailable => ("Please try again in a minute", "We couldn't save that just now. Nothing was changed: please send it again, or click the link in your email again, in a minute."),
            >= 500 => ("Something went wrong on our side", "We are sorry. Please try again in a minute; nothing you sent has been lost."),
            _ => ("That didn't work", "Please go back and try again."),
        };
        if (context.Request.AcceptsMediaType("text/html"))
        {
            await PageResults.Message(title, text, status).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Title = title, Detail = text } })
            .ConfigureAwait(false);
    }
}
