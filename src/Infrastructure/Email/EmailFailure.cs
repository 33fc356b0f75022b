namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Why an email did not certainly go out, as far as the sender can tell; each kind asks for a different
/// next step, because sending the same email again is not harmless.
/// </summary>
public enum EmailFailure
{
    /// <summary>The provider surely did not take it (throttled, a server error, unreachable): sending again later is safe.</summary>
    Unavailable,

    /// <summary>The provider refused it (a bad key, an address it will not take): sending again will not help.</summary>
    Rejected,

    /// <summary>
    /// The request reached the provider but no clear answer came back (it timed out, the connection
    /// dropped, a gateway timed out): the email may have gone, so sending again could send it twice.
    /// </summary>
    Unconfirmed,
}
