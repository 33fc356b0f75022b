using CoachFlow.Domain.Engagements;

namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Input of <c>SendWithdrawalNotice</c>: the engagement the coach withdrew and the stage it was waiting in; a
/// session booked at that point is cancelled with a calendar update to both.
/// </summary>
public sealed record WithdrawalNotice(string EngagementId, Stage WithdrawnFrom);
