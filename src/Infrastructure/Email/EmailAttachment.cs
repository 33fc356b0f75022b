namespace CoachFlow.Infrastructure.Email;

/// <summary>A file sent with an email, such as a calendar invitation.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
