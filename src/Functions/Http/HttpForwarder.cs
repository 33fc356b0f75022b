using CoachFlow.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

/// <summary>
/// Runs a CoachFlow route's handler for a Functions HTTP trigger, with the same minimal-API binding
/// as the local host. The isolated worker hands out <see cref="DurableTaskClient"/> per invocation
/// (the <c>[DurableClient]</c> binding), not through the container, so the handler gets it as a
/// request service for this one call.
/// </summary>
public sealed class HttpForwarder(IServiceProvider services)
{
    private readonly IReadOnlyDictionary<string, RequestDelegate> _routes = CoachFlowRoutes.CreateRequestDelegates(services);

    public async Task ForwardAsync(string route, HttpRequest request, DurableTaskClient durable, params (string Name, string Value)[] routeValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in routeValues)
        {
            request.RouteValues[name] = value;
        }

        var context = request.HttpContext;
        var requestServices = context.RequestServices;
        context.RequestServices = new InvocationServices(requestServices, durable);
        try
        {
            await _routes[route](context).ConfigureAwait(false);
        }
        finally
        {
            context.RequestServices = requestServices;
        }
    }
}
