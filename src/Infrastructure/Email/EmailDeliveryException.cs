namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// An email did not certainly go out; <see cref="Failure"/> says whether sending it again is safe,
/// useless or risky. The message names no recipient: it reaches logs and workflow history.
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message)
        : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailDeliveryException(EmailFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public EmailFailure Failure { get; } = EmailFailure.Unavailable;
}
