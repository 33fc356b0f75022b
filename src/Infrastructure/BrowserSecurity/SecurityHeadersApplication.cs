using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Infrastructure.BrowserSecurity;

/// <summary>
/// Wires <see cref="SecurityHeaderPolicies"/> into NetEscapades' security-headers middleware, which picks the policy
/// by the matched endpoint's name. The local host puts the middleware in its pipeline; the Functions app, whose
/// isolated worker has no ASP.NET Core pipeline of its own, runs each route behind it
/// (<see cref="Http.CoachFlowRoutes.CreateRequestDelegates"/>).
/// </summary>
public static class SecurityHeadersApplication
{
    public static IServiceCollection AddCoachFlowSecurityHeaders(this IServiceCollection services)
    {
        services.AddSingleton<SecurityHeaderPolicies>();
        services.AddSecurityHeaderPolicies((policies, provider) => policies.SetPolicySelector(selection =>
            provider.GetRequiredService<SecurityHeaderPolicies>().For(
                selection.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
                selection.HttpContext.Request.Path)));
        return services;
    }

    /// <summary>Headers on every response after this point, error pages included (they are set as the response starts).</summary>
    public static IApplicationBuilder UseCoachFlowSecurityHeaders(this IApplicationBuilder app) => app.UseSecurityHeaders();
}
