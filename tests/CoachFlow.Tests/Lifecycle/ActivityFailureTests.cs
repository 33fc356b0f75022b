using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// An activity that keeps failing is retried by the shared policy (3 attempts in these tests); when the
/// attempts run out the engagement is recorded Failed, the status says so, the coach is told, and the
/// instance fails with the step's error.
/// </summary>
public sealed class ActivityFailureTests() : AppTest(new CoachFlowApp(services: s => s.AddSingleton<IEmailSender>(sp =>
    new RefusingSender(LifecycleDriver.ClientEmail, ActivatorUtilities.CreateInstance<OutboxEmailSender>(sp)))))
{
    [Fact]
    public async Task A_step_that_keeps_failing_is_retried_then_the_engagement_is_failed_visibly_and_the_coach_told()
    {
        var accepted = await (await SampleIntake.PostJsonAsync(Client, SampleIntake.Json())).Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(EngagementId.TryParse(accepted!["engagementId"]!.GetValue<string>(), out var id));
        var workflows = App.Get<DurableTaskClient>();

        var instance = await workflows.WaitForInstanceCompletionAsync(id.Value, getInputsAndOutputs: true, Ct);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Contains("SendAcknowledgement", instance.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(3, App.Services.GetRequiredService<IEmailSender>() is RefusingSender refusing ? refusing.Refused : -1);
        var status = await Client.GetFromJsonAsync<JsonObject>(new Uri(accepted["statusUrl"]!.GetValue<string>()).PathAndQuery, Ct);
        Assert.Equal("Failed", status!["stage"]!.GetValue<string>());
        var told = await new LifecycleDriver(App, Client).EmailAsync(LifecycleDriver.CoachEmail, "Needs your attention: Ada Lovelace's enquiry stopped on an error");
        Assert.Contains("(SendAcknowledgement)", told.Text, StringComparison.Ordinal);
        Assert.Contains(LifecycleDriver.ClientEmail, told.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Fails every email to one address as an unavailable provider would (so it is worth retrying); the
    /// rest go to the outbox. Refusals that are not retried are EmailRefusalTests' business.
    /// </summary>
    private sealed class RefusingSender(string refused, IEmailSender others) : IEmailSender
    {
        private int _refused;

        public int Refused => _refused;

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (message.To != refused)
            {
                return others.SendAsync(message, cancellationToken);
            }

            Interlocked.Increment(ref _refused);
            throw new EmailDeliveryException(EmailFailure.Unavailable, "SendGrid did not take the email (503 ServiceUnavailable); sending it again later is safe.");
        }
    }
}
