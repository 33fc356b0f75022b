namespace CoachFlow.Domain.Lifecycle;

/// <summary>Payload of <c>AgreementAccepted</c>; the signature record is stored with the engagement.</summary>
public sealed record AgreementAcceptance(string EventId);
