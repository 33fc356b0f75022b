namespace CoachFlow.Tests.Email;

/// <summary>One call the fake SendGrid received, and how it answered.</summary>
public sealed record SendGridCall(ReceivedMail Mail, SendGridReply Reply);
