namespace CoachFlow.Infrastructure.Email;

/// <summary>A labelled link in an email, listed so tests and people can follow it from the outbox.</summary>
public sealed record EmailLink(string Label, Uri Url);
