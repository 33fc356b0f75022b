using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Functions.Http;

public static class HttpForwardingServiceCollectionExtensions
{
    /// <summary>
    /// The forwarder, and <see cref="DurableTaskClient"/> declared as a request service so the route
    /// handlers bind it as one. Only <see cref="HttpForwarder"/> supplies it, per invocation.
    /// </summary>
    public static IServiceCollection AddFunctionsHttpForwarding(this IServiceCollection services)
    {
        services.AddSingleton<HttpForwarder>();
        services.AddScoped<DurableTaskClient>(_ => throw new InvalidOperationException("A Durable client exists only inside an HTTP function: call the route through HttpForwarder."));
        return services;
    }
}
