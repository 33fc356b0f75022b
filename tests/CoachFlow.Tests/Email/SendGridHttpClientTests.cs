using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CoachFlow.Tests.Email;

/// <summary>
/// The SendGrid client's resilience pipeline as the app configures it. Its overall timeout is a backstop that must
/// never cut an attempt short (a cut attempt may have sent the email, so it cannot be retried safely): every
/// attempt and the longest wait between them fit inside it, whatever the attempt timeout is set to.
/// </summary>
public sealed class SendGridHttpClientTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(60)]
    public void The_overall_timeout_outlasts_every_attempt_and_every_wait(int attemptSeconds)
    {
        var attempt = TimeSpan.FromSeconds(attemptSeconds);
        var services = new ServiceCollection();
        services.AddOptions<CoachFlowOptions>().Configure(o => o.Email.SendGridAttemptTimeout = attempt);
        services.AddSendGridHttpClient();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>().Get($"{SendGridHttpClient.Name}-standard");

        Assert.Equal(attempt, options.AttemptTimeout.Timeout);
        Assert.Equal(SendGridHttpClient.MaxRetryAttempts, options.Retry.MaxRetryAttempts);
        var everyAttemptAndWait = ((SendGridHttpClient.MaxRetryAttempts + 1) * attempt) + (SendGridHttpClient.MaxRetryAttempts * SendGridHttpClient.MaxRetryDelay);
        Assert.True(options.TotalRequestTimeout.Timeout >= everyAttemptAndWait, $"The overall timeout {options.TotalRequestTimeout.Timeout} is shorter than {everyAttemptAndWait}.");
    }
}
