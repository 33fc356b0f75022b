namespace CoachFlow.Domain.Lifecycle;

/// <summary>Why an engagement ends without a contract: each gets its own kind wording.</summary>
public enum DeclineReason
{
    /// <summary>The coach declined at triage, before any session.</summary>
    CoachAtTriage,

    /// <summary>The coach said no after the chemistry session.</summary>
    CoachAfterSession,

    /// <summary>The client said no after the chemistry session.</summary>
    ClientAfterSession,
}
