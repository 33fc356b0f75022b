namespace CoachFlow.Infrastructure.DevelopmentStorage;

/// <summary>The local storage emulator could not be made available; the message is one line a person can act on.</summary>
public sealed class DevelopmentStorageException : Exception
{
    public DevelopmentStorageException()
    {
    }

    public DevelopmentStorageException(string message)
        : base(message)
    {
    }

    public DevelopmentStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
