using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

/// <summary>The "Your data" page: see, download, erase.</summary>
public sealed class PrivacyFunctions(HttpForwarder http)
{
    [Function("ShowData")]
    public Task ShowData([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "data/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowData", request, durable, ("token", token));

    [Function("ExportData")]
    public Task ExportData([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "data/{token}/export")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ExportData", request, durable, ("token", token));

    [Function("EraseData")]
    public Task EraseData([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "data/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("EraseData", request, durable, ("token", token));
}
