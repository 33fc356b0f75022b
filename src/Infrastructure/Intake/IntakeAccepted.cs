namespace CoachFlow.Infrastructure.Intake;

/// <summary>The <c>202</c> body of <c>POST /api/intake</c>.</summary>
public sealed record IntakeAccepted(string EngagementId, Uri StatusUrl);
