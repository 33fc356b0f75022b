namespace CoachFlow.Tests.Email;

/// <summary>An attachment as SendGrid receives it: the content base64-encoded.</summary>
public sealed record ReceivedAttachment(string FileName, string ContentType, string Base64Content);
