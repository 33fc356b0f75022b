namespace CoachFlow.Infrastructure.Email;

/// <summary>Sends email; a failure that retrying will not fix throws, so the calling activity fails visibly.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
