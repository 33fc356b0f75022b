using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>One engagement as the pipeline shows it: who, where, since when, waiting for what and on whom, and the next deadline.</summary>
public sealed record PipelineEntry(
    EngagementId Id,
    string Name,
    string Email,
    Stage Stage,
    DateTimeOffset Since,
    string WaitingFor,
    string? WaitingOn,
    ScreeningFlags Flags,
    DateTimeOffset? NextDeadline);
