using Azure;
using Azure.Data.Tables;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>
/// Remembers which engagement an idempotency key produced. The partition key is a hash of the key
/// and the client's email, so the row holds no personal data and a stranger who guesses a key
/// cannot read someone else's engagement.
/// </summary>
public sealed class IntakeKeyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string EngagementId { get; set; } = string.Empty;
}
