namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// An activity failed in a way that trying again cannot fix (the mail provider refused the key or the
/// address): the workflow does not retry it but fails the engagement at once. The workflow recognises
/// it by its exact type name in the failure details, so it is sealed: activities throw this type
/// itself, with the cause inside.
/// The message goes into workflow history: it must name no person, only what went wrong.
/// </summary>
public sealed class PermanentFailureException : Exception
{
    public PermanentFailureException()
    {
    }

    public PermanentFailureException(string message)
        : base(message)
    {
    }

    public PermanentFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
