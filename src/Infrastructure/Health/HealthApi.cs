using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachFlow.Infrastructure.Health;

public static class HealthApi
{
    /// <summary>Liveness only: it answers while the process serves requests, without touching storage.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", () => TypedResults.Ok(new HealthReport("healthy")));
        return routes;
    }
}
