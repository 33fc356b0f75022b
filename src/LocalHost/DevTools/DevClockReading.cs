namespace CoachFlow.LocalHost.DevTools;

public sealed record DevClockReading(DateTimeOffset Now, TimeSpan Offset);
