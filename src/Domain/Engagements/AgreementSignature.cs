namespace CoachFlow.Domain.Engagements;

/// <summary>The client's acceptance of the agreement: the name they typed, when, and from which address.</summary>
public sealed record AgreementSignature(string SignedName, DateTimeOffset At, string? IpAddress);
