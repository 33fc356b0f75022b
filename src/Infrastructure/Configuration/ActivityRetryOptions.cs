namespace CoachFlow.Infrastructure.Configuration;

/// <summary>
/// How activities are retried before the engagement is recorded Failed. The defaults ride out a
/// mail-provider or storage blip of a few minutes: attempts after 5 s, 15 s, 45 s, 2 min 15 s, 5 min.
/// </summary>
public sealed class ActivityRetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    public double BackoffCoefficient { get; set; } = 3;

    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(5);
}
