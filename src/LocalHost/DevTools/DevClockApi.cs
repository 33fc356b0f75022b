using System.Xml;
using CoachFlow.LocalHost.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.LocalHost.DevTools;

/// <summary><c>/dev/clock</c>: read and advance the Development clock; due timers fire before the answer.</summary>
internal static class DevClockApi
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapDevClockApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dev/clock", (DevClock clock) => TypedResults.Ok(new DevClockReading(clock.GetUtcNow(), clock.Offset)));
        routes.MapPost("/dev/clock/advance", AdvanceAsync);
        return routes;
    }

    private static async Task<Results<Ok<DevClockReading>, ProblemHttpResult>> AdvanceAsync(string? by, DevClock clock, LocalWorkflowRuntime runtime)
    {
        TimeSpan step;
        try
        {
            step = XmlConvert.ToTimeSpan(by ?? string.Empty);
        }
        catch (FormatException)
        {
            return BadDuration(by);
        }

        if (step <= TimeSpan.Zero)
        {
            return BadDuration(by);
        }

        clock.Advance(step);
        await runtime.WhenIdleAsync(SettleTimeout).ConfigureAwait(false);
        return TypedResults.Ok(new DevClockReading(clock.GetUtcNow(), clock.Offset));
    }

    private static ProblemHttpResult BadDuration(string? by) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid duration",
        detail: $"'{by}' is not a positive ISO 8601 duration; try by=P3D, by=PT2H or by=P1DT12H.");
}
