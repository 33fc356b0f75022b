namespace CoachFlow.Infrastructure.Health;

public sealed record HealthReport(string Status);
