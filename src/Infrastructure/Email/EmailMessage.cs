namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// An email ready to send: both parts rendered, links listed, attachments attached, and the
/// engagement it belongs to, so a copy kept locally (the dev outbox) can be erased with it.
/// </summary>
public sealed record EmailMessage(
    string To,
    string Subject,
    string Text,
    string Html,
    IReadOnlyList<EmailLink> Links,
    IReadOnlyList<EmailAttachment> Attachments,
    string? EngagementId = null);
