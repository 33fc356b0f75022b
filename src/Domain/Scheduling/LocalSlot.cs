using NodaTime;

namespace CoachFlow.Domain.Scheduling;

/// <summary>A slot as someone in a particular time zone sees it.</summary>
public sealed record LocalSlot(Slot Slot, LocalDateTime Start, LocalDateTime End);
