using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

/// <summary>The coach's workspace and its passwordless sign-in.</summary>
public sealed class WorkspaceFunctions(HttpForwarder http)
{
    [Function("ShowCoachWorkspace")]
    public Task ShowCoachWorkspace([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coach")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowCoachWorkspace", request, durable);

    [Function("RequestCoachSignIn")]
    public Task RequestCoachSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coach/sign-in")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("RequestCoachSignIn", request, durable);

    [Function("ConfirmCoachSignIn")]
    public Task ConfirmCoachSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coach/sign-in/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ConfirmCoachSignIn", request, durable, ("token", token));

    [Function("CoachSignIn")]
    public Task CoachSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coach/sign-in/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("CoachSignIn", request, durable, ("token", token));

    [Function("CoachSignOut")]
    public Task CoachSignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coach/sign-out")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("CoachSignOut", request, durable);

    [Function("ShowCoachEngagement")]
    public Task ShowCoachEngagement([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coach/engagements/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowCoachEngagement", request, durable, ("id", id));

    [Function("CoachAction")]
    public Task CoachAction([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coach/engagements/{id}/act/{action}")] HttpRequest request, string id, string action, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("CoachAction", request, durable, ("id", id), ("action", action));

    [Function("CoachReflection")]
    public Task CoachReflection([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coach/engagements/{id}/reflection")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("CoachReflection", request, durable, ("id", id));

    [Function("CoachResendLink")]
    public Task CoachResendLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coach/engagements/{id}/resend")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("CoachResendLink", request, durable, ("id", id));

    [Function("CoachExport")]
    public Task CoachExport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "coach/engagements/{id}/export")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("CoachExport", request, durable, ("id", id));

    [Function("CoachErase")]
    public Task CoachErase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coach/engagements/{id}/erase")] HttpRequest request, string id, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("CoachErase", request, durable, ("id", id));
}
