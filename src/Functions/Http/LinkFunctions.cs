using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

/// <summary>The pages behind the signed links in CoachFlow's emails.</summary>
public sealed class LinkFunctions(HttpForwarder http)
{
    [Function("ConfirmAction")]
    public Task ConfirmAction([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "act/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ConfirmAction", request, durable, ("token", token));

    [Function("PerformAction")]
    public Task PerformAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "act/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("PerformAction", request, durable, ("token", token));

    [Function("ShowReflection")]
    public Task ShowReflection([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reflect/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowReflection", request, durable, ("token", token));

    [Function("SubmitReflection")]
    public Task SubmitReflection([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reflect/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("SubmitReflection", request, durable, ("token", token));

    [Function("ShowAgreement")]
    public Task ShowAgreement([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agreement/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowAgreement", request, durable, ("token", token));

    [Function("AcceptAgreement")]
    public Task AcceptAgreement([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agreement/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("AcceptAgreement", request, durable, ("token", token));
}
