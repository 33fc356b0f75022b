namespace CoachFlow.Infrastructure.Email;

/// <summary>An email ready to send: both parts rendered, links listed, attachments attached.</summary>
public sealed record EmailMessage(
    string To,
    string Subject,
    string Text,
    string Html,
    IReadOnlyList<EmailLink> Links,
    IReadOnlyList<EmailAttachment> Attachments);
