using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Health;
using CoachFlow.Infrastructure.Intake;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Privacy;
using CoachFlow.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoachFlow.Infrastructure.Http;

/// <summary>The HTTP surface both hosts serve (everything but the local host's <c>/dev/*</c>).</summary>
public static class CoachFlowRoutes
{
    public static IReadOnlyList<CoachFlowRoute> All { get; } =
    [
        .. IntakeApi.Routes,
        .. EngagementStatusApi.Routes,
        .. BookingApi.Routes,
        .. ActApi.Routes,
        .. ReflectionApi.Routes,
        .. AgreementApi.Routes,
        .. DataApi.Routes,
        .. HealthApi.Routes,
    ];

    public static IEndpointRouteBuilder MapCoachFlow(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var route in All)
        {
            routes.MapMethods(route.Pattern, [route.Method], route.Handler).WithName(route.Name).DisableAntiforgery();
        }

        return routes;
    }

    /// <summary>
    /// The routes as request delegates with minimal-API binding, for a host that does its own routing
    /// (Azure Functions): it sets the route values and calls the delegate by the route's name.
    /// </summary>
    public static IReadOnlyDictionary<string, RequestDelegate> CreateRequestDelegates(IServiceProvider services) =>
        All.ToDictionary(
            r => r.Name,
            r => RequestDelegateFactory.Create(r.Handler, new RequestDelegateFactoryOptions { ServiceProvider = services, DisableInferBodyFromParameters = true }).RequestDelegate);
}
