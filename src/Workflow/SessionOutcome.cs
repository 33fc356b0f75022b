namespace CoachFlow.Workflow;

/// <summary>How a booked chemistry session turned out, as far as the workflow can tell.</summary>
internal enum SessionOutcome
{
    /// <summary>The booked time passed without a word from either side: it is taken to have happened.</summary>
    Ended,

    /// <summary>The coach said it was held (at any time after booking).</summary>
    Held,

    /// <summary>The client cancelled it.</summary>
    Cancelled,

    /// <summary>The coach reported that the client did not come.</summary>
    NoShow,
}
