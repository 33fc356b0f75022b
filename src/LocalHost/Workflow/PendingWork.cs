namespace CoachFlow.LocalHost.Workflow;

/// <summary>Work found in storage at start-up: what a crashed or stopped runtime left unfinished.</summary>
public sealed record PendingWork(IReadOnlyList<string> InstancesWithInbox, IReadOnlyList<ActivityWork> Activities, IReadOnlyList<TimerWork> Timers);
