namespace CoachFlow.Domain.Scheduling;

/// <summary>Why a requested slot can or cannot be booked.</summary>
public enum SlotCheck
{
    Bookable,

    /// <summary>Someone else holds it (or a neighbour's buffer covers it).</summary>
    Taken,

    /// <summary>It was offered once but now lies inside the minimum notice, or in the past.</summary>
    TooLate,

    /// <summary>The coach never offers this time: outside availability, off the slot grid, blocked or beyond the horizon.</summary>
    NotOffered,
}
