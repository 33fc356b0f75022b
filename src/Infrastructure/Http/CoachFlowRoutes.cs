using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.BrowserSecurity;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Health;
using CoachFlow.Infrastructure.Intake;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Privacy;
using CoachFlow.Infrastructure.RequestLimits;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Infrastructure.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
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
        .. WorkspaceApi.Routes,
    ];

    public static IEndpointRouteBuilder MapCoachFlow(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var route in All)
        {
            var endpoint = routes.MapMethods(route.Pattern, [route.Method], route.Handler).WithName(route.Name).DisableAntiforgery();
            if (RequestRateLimits.PolicyFor(route) is { } policy)
            {
                endpoint.RequireRateLimiting(policy);
            }
        }

        return routes;
    }

    /// <summary>
    /// What stands in front of every route on both hosts, in this order: expected failures answered as such
    /// (<see cref="ExpectedFailures"/>), then the rate limits of routes that have one.
    /// </summary>
    public static IApplicationBuilder UseCoachFlowRouteGuards(this IApplicationBuilder app) =>
        app.UseExpectedFailureResponses().UseRateLimiter();

    /// <summary>
    /// The routes as request delegates with minimal-API binding, for a host that does its own routing
    /// (Azure Functions): it sets the route values and calls the delegate by the route's name. Each runs behind the
    /// same security headers and rate limits as on the local host, chosen by the same endpoint metadata.
    /// </summary>
    public static IReadOnlyDictionary<string, RequestDelegate> CreateRequestDelegates(IServiceProvider services) =>
        All.ToDictionary(
            r => r.Name,
            r => BehindHostMiddleware(
                r,
                RequestDelegateFactory.Create(r.Handler, new RequestDelegateFactoryOptions { ServiceProvider = services, DisableInferBodyFromParameters = true }).RequestDelegate,
                services));

    private static RequestDelegate BehindHostMiddleware(CoachFlowRoute route, RequestDelegate handler, IServiceProvider services)
    {
        List<object> metadata = [new EndpointNameMetadata(route.Name)];
        if (RequestRateLimits.PolicyFor(route) is { } policy)
        {
            metadata.Add(new EnableRateLimitingAttribute(policy));
        }

        var endpoint = new Endpoint(handler, new EndpointMetadataCollection(metadata), route.Name);
        var pipeline = new ApplicationBuilder(services);
        pipeline.UseCoachFlowSecurityHeaders();
        pipeline.UseCoachFlowRouteGuards();
        pipeline.Run(handler);
        var next = pipeline.Build();
        return context =>
        {
            context.SetEndpoint(endpoint);
            return next(context);
        };
    }
}
