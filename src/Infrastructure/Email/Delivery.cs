using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Email;

/// <summary>One email of an engagement: its idempotency key, template, recipient and what it shows.</summary>
public sealed record Delivery(
    string Key,
    string Template,
    Actor Recipient,
    string To,
    object Model,
    IReadOnlyList<EmailLink> Links,
    IReadOnlyList<EmailAttachment> Attachments);
