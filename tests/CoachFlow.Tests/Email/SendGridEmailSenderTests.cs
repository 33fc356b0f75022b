using System.Diagnostics;
using System.Net;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachFlow.Tests.Email;

/// <summary>
/// The real SendGrid client, through the app's own HttpClient registration (resilience handler
/// included), against the fake SendGrid: one call to the sender sends at most once, the handler
/// retries only what SendGrid surely did not take, and each failure says whether sending again is
/// safe, useless or risky.
/// </summary>
public sealed class SendGridEmailSenderTests : IAsyncLifetime
{
    private static readonly EmailMessage Message = new(
        "ada@example.com", "Booked", "text", "<p>html</p>", [], [new EmailAttachment("invite.ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR")]);

    private readonly FakeSendGrid _sendGrid = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _sendGrid.DisposeAsync();

    [Fact]
    public async Task An_accepted_email_is_sent_once_with_its_attachment_and_the_key()
    {
        await SendAsync();

        var mail = Assert.Single(_sendGrid.Accepted);
        Assert.Equal("ada@example.com", mail.To);
        Assert.Equal("hello@coach.example", mail.From);
        Assert.Equal("invite.ics", Assert.Single(mail.Attachments).FileName);
        Assert.Equal(Convert.ToBase64String("BEGIN:VCALENDAR"u8.ToArray()), mail.Attachments[0].Base64Content);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_by_the_handler_honouring_retry_after()
    {
        _sendGrid.Reply(SendGridReply.Refuse(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1)), SendGridReply.Refuse(HttpStatusCode.ServiceUnavailable));
        var clock = Stopwatch.StartNew();

        await SendAsync();

        Assert.Equal(3, _sendGrid.Calls.Count);
        Assert.Single(_sendGrid.Accepted);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"Retry-After asked for 1 s; the retry came after {clock.Elapsed}.");
    }

    [Fact]
    public async Task An_outage_longer_than_the_handlers_attempts_is_unavailable_so_the_activity_retries()
    {
        _sendGrid.ReplyBy(_ => SendGridReply.Refuse(HttpStatusCode.InternalServerError));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(SendAsync);

        Assert.Equal(EmailFailure.Unavailable, error.Failure);
        Assert.Equal(SendGridHttpClient.MaxRetryAttempts + 1, _sendGrid.Calls.Count);
        Assert.Empty(_sendGrid.Accepted);
    }

    [Fact]
    public async Task A_longer_wait_than_the_handler_keeps_is_left_to_the_activity()
    {
        _sendGrid.Reply(SendGridReply.Refuse(HttpStatusCode.TooManyRequests, retryAfter: SendGridHttpClient.MaxRetryDelay + TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(SendAsync);

        Assert.Equal(EmailFailure.Unavailable, error.Failure);
        Assert.Single(_sendGrid.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task A_refusal_is_rejected_after_one_call_and_names_no_address(HttpStatusCode status)
    {
        _sendGrid.Reply(SendGridReply.Refuse(status));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(SendAsync);

        Assert.Equal(EmailFailure.Rejected, error.Failure);
        Assert.Single(_sendGrid.Calls);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_rejected()
    {
        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => SendAsync(apiKey: "SG.revoked"));

        Assert.Equal(EmailFailure.Rejected, error.Failure);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_slower_than_the_attempt_timeout_is_unconfirmed_and_not_sent_again()
    {
        _sendGrid.Reply(SendGridReply.SlowAccept(TimeSpan.FromSeconds(8)));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(SendAsync);

        Assert.Equal(EmailFailure.Unconfirmed, error.Failure);
        Assert.Single(_sendGrid.Calls);
        Assert.Single(_sendGrid.Accepted);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_request_is_unconfirmed_and_not_sent_again()
    {
        _sendGrid.Reply(SendGridReply.AcceptAndDrop);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(SendAsync);

        Assert.Equal(EmailFailure.Unconfirmed, error.Failure);
        Assert.Single(_sendGrid.Calls);
    }

    [Fact]
    public async Task A_gateway_timeout_is_unconfirmed_and_not_sent_again()
    {
        _sendGrid.Reply(SendGridReply.Refuse(HttpStatusCode.GatewayTimeout));

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(SendAsync);

        Assert.Equal(EmailFailure.Unconfirmed, error.Failure);
        Assert.Single(_sendGrid.Calls);
    }

    [Fact]
    public async Task Nobody_listening_is_unavailable_after_the_handlers_retries()
    {
        var attempts = 0;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => SendAsync(baseUrl: $"http://127.0.0.1:{FakeSendGrid.FreePort()}", onAttempt: () => attempts++));

        Assert.Equal(EmailFailure.Unavailable, error.Failure);
        Assert.Equal(SendGridHttpClient.MaxRetryAttempts + 1, attempts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Took {clock.Elapsed}.");
    }

    private async Task SendAsync() => await SendAsync(apiKey: FakeSendGrid.ApiKey);

    /// <summary>Sends <see cref="Message"/> through the app's SendGrid registration; <paramref name="onAttempt"/> sees each request leave.</summary>
    private async Task SendAsync(string apiKey = FakeSendGrid.ApiKey, string? baseUrl = null, Action? onAttempt = null)
    {
        var options = Options.Create(new CoachFlowOptions
        {
            Coach = new CoachProfileOptions { Name = "Sam" },
            Email = new EmailOptions
            {
                Provider = EmailProvider.SendGrid,
                SendGridApiKey = apiKey,
                SenderAddress = "hello@coach.example",
                SendGridBaseUrl = baseUrl ?? _sendGrid.BaseUrl,
                SendGridAttemptTimeout = TimeSpan.FromSeconds(3),
                SendGridRetryDelay = TimeSpan.FromMilliseconds(50),
            },
        });
        var services = new ServiceCollection().AddLogging().AddSingleton(options).AddSendGridHttpClient();
        if (onAttempt is not null)
        {
            services.AddHttpClient(SendGridHttpClient.Name).AddHttpMessageHandler(() => new AttemptCounter(onAttempt));
        }

        await using var provider = services.BuildServiceProvider();
        var sender = new SendGridEmailSender(provider.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridHttpClient.Name), options);
        await sender.SendAsync(Message, Ct);
    }

    /// <summary>Sits between the resilience handler and the wire, so it sees every attempt.</summary>
    private sealed class AttemptCounter(Action onAttempt) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onAttempt();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
