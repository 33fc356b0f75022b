namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>A slot in the booking API: UTC ISO 8601 start and end.</summary>
public sealed record SlotJson(string Start, string End);
