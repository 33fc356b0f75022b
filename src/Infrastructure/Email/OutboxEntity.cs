using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// One <c>Outbox</c> row. A single partition keeps the whole local outbox one query; the row key
/// sorts newest first (inverted ticks) and ends in a unique suffix so two emails in one tick both stay.
/// </summary>
public sealed class OutboxEntity : ITableEntity
{
    public const string PartitionKeyValue = "outbox";

    public string PartitionKey { get; set; } = PartitionKeyValue;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string To { get; set; } = string.Empty;
    public string Subject { get; set; } = string.Empty;
    public DateTimeOffset SentAt { get; set; }
    public string Text { get; set; } = string.Empty;
    public string Html { get; set; } = string.Empty;
    public string Links { get; set; } = "[]";
    public string Attachments { get; set; } = "[]";

    /// <summary>The engagement the email belongs to, so erasing the engagement erases its emails.</summary>
    public string? EngagementId { get; set; }

    public static OutboxEntity From(OutboxEmail email, string uniqueSuffix, string? engagementId)
    {
        ArgumentNullException.ThrowIfNull(email);
        var newestFirst = (DateTimeOffset.MaxValue.UtcTicks - email.SentAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new OutboxEntity
        {
            RowKey = $"{newestFirst}-{uniqueSuffix}",
            To = email.To,
            Subject = email.Subject,
            SentAt = email.SentAt,
            Text = email.Text,
            Html = email.Html,
            Links = JsonSerializer.Serialize(email.Links),
            Attachments = JsonSerializer.Serialize(email.Attachments),
            EngagementId = engagementId,
        };
    }

    public OutboxEmail ToEmail() =>
        new(To, Subject, SentAt, Text, Html, JsonSerializer.Deserialize<EmailLink[]>(Links) ?? [], JsonSerializer.Deserialize<EmailAttachment[]>(Attachments) ?? []);
}
