using CoachFlow.Domain.Engagements;

namespace CoachFlow.Domain.Lifecycle;

/// <summary>Input of <c>SendExpiryNotice</c>: which wait ran out (the stage it was in) and the ending stage.</summary>
public sealed record ExpiryNotice(string EngagementId, Stage WaitingIn, Stage Ending);
