namespace CoachFlow.Infrastructure.Engagements;

/// <summary>One timeline entry as the status API shows it.</summary>
public sealed record TimelineItem(DateTimeOffset At, string Actor, string Kind, string Summary);
