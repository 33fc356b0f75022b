namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Input of <c>SendNoShowNotice</c>. The first no-show gets a kind note and a fresh booking link;
/// the <see cref="Final"/> one closes the engagement.
/// </summary>
public sealed record NoShowNotice(string EngagementId, bool Final);
