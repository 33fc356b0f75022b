using CoachFlow.Infrastructure.Http;
using Microsoft.AspNetCore.Http;

namespace CoachFlow.Functions.Http;

/// <summary>
/// Runs a CoachFlow route's handler for a Functions HTTP trigger, with the same minimal-API binding
/// as the local host. The Durable client of the invocation is made current for the handler.
/// </summary>
public sealed class HttpForwarder(IServiceProvider services)
{
    private readonly IReadOnlyDictionary<string, RequestDelegate> _routes = CoachFlowRoutes.CreateRequestDelegates(services);

    public async Task ForwardAsync(string route, HttpRequest request, Microsoft.DurableTask.Client.DurableTaskClient durable, params (string Name, string Value)[] routeValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in routeValues)
        {
            request.RouteValues[name] = value;
        }

        using (Workflow.DurableClientScope.Use(durable))
        {
            await _routes[route](request.HttpContext).ConfigureAwait(false);
        }
    }
}
