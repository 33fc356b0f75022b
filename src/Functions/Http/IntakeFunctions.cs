using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

public sealed class IntakeFunctions(HttpForwarder http)
{
    [Function("ShowIntakeForm")]
    public Task ShowIntakeForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "intake")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowIntakeForm", request, durable);

    [Function("ShowIntakeThanks")]
    public Task ShowIntakeThanks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "intake/thanks")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowIntakeThanks", request, durable);

    [Function("SubmitIntake")]
    public Task SubmitIntake([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/intake")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("SubmitIntake", request, durable);
}
