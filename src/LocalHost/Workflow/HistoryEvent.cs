using CoachFlow.Domain.Workflow;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// One entry of an instance's history. <see cref="TaskId"/> is the sequence number of the action
/// (activity or timer) the event belongs to; <see cref="Payload"/> is serialized JSON.
/// </summary>
public sealed record HistoryEvent(
    HistoryEventType Type,
    DateTime Timestamp,
    int? TaskId = null,
    string? Name = null,
    string? Payload = null,
    DateTime? FireAt = null,
    WorkflowFailure? Failure = null,
    string? Version = null)
{
    public override string ToString() => Type switch
    {
        HistoryEventType.TaskScheduled => $"CallActivity '{Name}' (#{TaskId})",
        HistoryEventType.TimerCreated => $"CreateTimer at {FireAt:O} (#{TaskId})",
        HistoryEventType.EventRaised => $"EventRaised '{Name}'",
        _ => TaskId is null ? Type.ToString() : $"{Type} (#{TaskId})",
    };
}
