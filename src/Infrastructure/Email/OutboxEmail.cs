namespace CoachFlow.Infrastructure.Email;

/// <summary>An email as the dev outbox keeps it; also the JSON shape of <c>GET /dev/outbox</c>.</summary>
public sealed record OutboxEmail(
    string To,
    string Subject,
    DateTimeOffset SentAt,
    string Text,
    string Html,
    IReadOnlyList<EmailLink> Links,
    IReadOnlyList<EmailAttachment> Attachments);
