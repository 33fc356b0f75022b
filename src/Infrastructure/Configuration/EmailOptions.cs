namespace CoachFlow.Infrastructure.Configuration;

public sealed class EmailOptions
{
    /// <summary><see cref="EmailProvider.SendGrid"/> in Azure; <see cref="EmailProvider.Outbox"/> keeps mail in a local table.</summary>
    public EmailProvider Provider { get; set; } = EmailProvider.Outbox;

    public string SenderAddress { get; set; } = string.Empty;

    public string? SenderName { get; set; }

    /// <summary>Required for SendGrid; a Key Vault reference in Azure.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>A folder of Liquid templates that replace the built-in ones file by file.</summary>
    public string? TemplateFolder { get; set; }
}
