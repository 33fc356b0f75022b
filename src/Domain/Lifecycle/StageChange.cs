using CoachFlow.Domain.Engagements;

namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Input of <c>RecordStage</c>: which engagement moves to which stage, who moved it, and the how-many-th
/// stage change of the workflow this is (a stage can recur: booking again after a no-show).
/// </summary>
public sealed record StageChange(string EngagementId, Stage Stage, Actor Actor, int Ordinal);
