namespace CoachFlow.Infrastructure.Email;

/// <summary>A template's output: a one-line subject and the two bodies.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);
