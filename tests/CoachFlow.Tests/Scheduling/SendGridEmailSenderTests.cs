using System.Net;
using System.Text.Json.Nodes;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace CoachFlow.Tests.Scheduling;

public sealed class SendGridEmailSenderTests
{
    private static readonly EmailMessage Message = new(
        "ada@example.com", "Booked", "text", "<p>html</p>", [], [new EmailAttachment("invite.ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR")]);

    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            var status = statuses[Math.Min(Bodies.Count - 1, statuses.Length - 1)];
            return new HttpResponseMessage(status) { Content = new StringContent("{\"errors\":[{\"message\":\"nope\"}]}") };
        }
    }

    private static SendGridEmailSender Sender(HttpMessageHandler handler) => new(
        new HttpClient(handler),
        Options.Create(new CoachFlowOptions { Email = new EmailOptions { Provider = EmailProvider.SendGrid, SendGridApiKey = "SG.test", SenderAddress = "hello@coach.example" }, Coach = new CoachProfileOptions { Name = "Sam" } }),
        firstRetryDelay: TimeSpan.FromMilliseconds(1));

    [Fact]
    public async Task Throttling_is_retried_until_accepted_and_the_attachment_is_sent()
    {
        var handler = new ScriptedHandler(HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted);

        await Sender(handler).SendAsync(Message, TestContext.Current.CancellationToken);

        Assert.Equal(3, handler.Bodies.Count);
        var body = JsonNode.Parse(handler.Bodies[^1])!;
        Assert.Equal("ada@example.com", body["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());
        Assert.Equal("invite.ics", body["attachments"]![0]!["filename"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String("BEGIN:VCALENDAR"u8.ToArray()), body["attachments"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_error_fails_at_once_with_the_status()
    {
        var handler = new ScriptedHandler(HttpStatusCode.BadRequest);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(handler).SendAsync(Message, TestContext.Current.CancellationToken));

        Assert.Single(handler.Bodies);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_after_the_last_attempt()
    {
        var handler = new ScriptedHandler(HttpStatusCode.InternalServerError);

        await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(handler).SendAsync(Message, TestContext.Current.CancellationToken));

        Assert.Equal(SendGridEmailSender.MaxAttempts, handler.Bodies.Count);
    }
}
