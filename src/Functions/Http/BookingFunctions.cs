using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Http;

public sealed class BookingFunctions(HttpForwarder http)
{
    [Function("ShowBooking")]
    public Task ShowBooking([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "book/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("ShowBooking", request, durable, ("token", token));

    [Function("BookChemistry")]
    public Task BookChemistry([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "book/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient durable) =>
        http.ForwardAsync("BookChemistry", request, durable, ("token", token));
}
