using CoachFlow.Domain.Engagements;

namespace CoachFlow.Domain.Lifecycle;

/// <summary>Input of <c>RecordStage</c>: which engagement moves to which stage, and who moved it.</summary>
public sealed record StageChange(string EngagementId, Stage Stage, Actor Actor);
