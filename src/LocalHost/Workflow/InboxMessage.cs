namespace CoachFlow.LocalHost.Workflow;

/// <summary>A message waiting for the instance's next episode (a start, an event, a result, a fired timer).</summary>
public sealed record InboxMessage(string RowKey, HistoryEvent Event);
