namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The JSON of <c>GET /book/{token}</c>: free slots, the zone used for display, and the current booking if any.</summary>
public sealed record BookingSlots(IReadOnlyList<SlotJson> Slots, string TimeZone, SlotJson? Booked);
