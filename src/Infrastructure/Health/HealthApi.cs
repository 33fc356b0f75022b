using CoachFlow.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Health;

public static class HealthApi
{
    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("Health", HttpMethods.Get, "/api/health", Check),
    ];

    /// <summary>Liveness only: it answers while the process serves requests, without touching storage.</summary>
    internal static Ok<HealthReport> Check() => TypedResults.Ok(new HealthReport("healthy"));
}
