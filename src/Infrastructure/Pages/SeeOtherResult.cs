using Microsoft.AspNetCore.Http;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>
/// <c>303 See Other</c>: after a form post the browser follows with a GET, so a refresh never posts
/// again. ASP.NET's redirect results only offer 301/302/307/308.
/// </summary>
public sealed class SeeOtherResult(string location) : IResult, IStatusCodeHttpResult
{
    public string Location { get; } = location;

    public int? StatusCode => StatusCodes.Status303SeeOther;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
