namespace CoachFlow.Infrastructure.Configuration;

/// <summary>How long each wait of the lifecycle lasts, with the reminder on the way (DESIGN §1).</summary>
public sealed class DurationOptions
{
    public TimeSpan TriageReminder { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan TriageTimeout { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan BookingReminder { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan BookingTimeout { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan SessionReminderBefore { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan DecisionReminder { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan AgreementReminder { get; set; } = TimeSpan.FromDays(5);

    public TimeSpan AgreementTimeout { get; set; } = TimeSpan.FromDays(14);
}
