namespace CoachFlow.Infrastructure.Configuration;

/// <summary>How long CoachFlow keeps what it no longer needs (<c>CoachFlow:Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>An engagement that ended without a contract is erased this long after it ended.</summary>
    public TimeSpan EndedWithoutContract { get; set; } = TimeSpan.FromDays(180);

    /// <summary>How often the local host looks for engagements past their retention (Azure uses a timer trigger).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
