using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

/// <summary>The request's services plus this invocation's <see cref="DurableTaskClient"/>.</summary>
internal sealed class InvocationServices(IServiceProvider requestServices, DurableTaskClient durable) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(DurableTaskClient) ? durable : requestServices.GetService(serviceType);
}
