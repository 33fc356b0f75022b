namespace CoachFlow.Infrastructure.Configuration;

public sealed class EmailOptions
{
    public const string DefaultSendGridBaseUrl = "https://api.sendgrid.com";

    /// <summary><see cref="EmailProvider.SendGrid"/> in Azure; <see cref="EmailProvider.Outbox"/> keeps mail in a local table.</summary>
    public EmailProvider Provider { get; set; } = EmailProvider.Outbox;

    public string SenderAddress { get; set; } = string.Empty;

    public string? SenderName { get; set; }

    /// <summary>Required for SendGrid; a Key Vault reference in Azure.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>Where SendGrid's API is; tests point it at a local stand-in.</summary>
    public string SendGridBaseUrl { get; set; } = DefaultSendGridBaseUrl;

    /// <summary>
    /// How long one request to SendGrid may take before it counts as unanswered. SendGrid usually answers
    /// in well under a second; an email whose request timed out may still have gone, so it is not sent
    /// again (docs/email-delivery.md): too short a timeout turns slow answers into unconfirmed emails.
    /// </summary>
    public TimeSpan SendGridAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the HttpClient's first quick retry of a throttled or failed request; later ones double, with jitter.</summary>
    public TimeSpan SendGridRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A folder of Liquid templates that replace the built-in ones file by file.</summary>
    public string? TemplateFolder { get; set; }
}
