namespace CoachFlow.Infrastructure.Workspace;

/// <summary>What became of a "Resend the client's link" form.</summary>
public enum ResendOutcome
{
    /// <summary>The email went out again.</summary>
    Sent,

    /// <summary>The form was already used (a double submit, a replay, an old page): nothing more was sent.</summary>
    Stale,

    /// <summary>Nothing waits on the client at this stage: nothing was sent.</summary>
    NoLink,

    /// <summary>The mail provider did not take it; nothing is recorded, so the coach can try again.</summary>
    NotSent,

    /// <summary>The engagement was erased meanwhile.</summary>
    Gone,
}
