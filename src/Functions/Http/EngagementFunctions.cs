using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

public sealed class EngagementFunctions(HttpForwarder http)
{
    [Function("GetEngagementStatus")]
    public Task GetEngagementStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/engagements/{id}/status")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("GetEngagementStatus", request, durable, ("id", id));

    [Function("Health")]
    public Task Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("Health", request, durable);
}
