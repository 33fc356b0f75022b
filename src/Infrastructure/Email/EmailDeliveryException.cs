namespace CoachFlow.Infrastructure.Email;

/// <summary>The provider refused an email for a reason retrying will not fix (or kept failing after retries).</summary>
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
}
