namespace CoachFlow.Infrastructure.Email;

/// <summary>The <c>Outbox</c> provider: email lands in a local table that <c>/dev/outbox</c> shows, never on the internet.</summary>
public sealed class OutboxEmailSender(OutboxStore outbox, TimeProvider clock) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return outbox.AddAsync(
            new OutboxEmail(message.To, message.Subject, clock.GetUtcNow(), message.Text, message.Html, message.Links, message.Attachments),
            message.EngagementId,
            cancellationToken);
    }
}
