namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// The configurable waits of DESIGN §1 and the activities' retry policy, read once through an
/// activity so the workflow stays deterministic on replay even if configuration changes meanwhile.
/// </summary>
public sealed record LifecycleSettings(
    bool AutoInvite,
    TimeSpan TriageReminder,
    TimeSpan TriageTimeout,
    TimeSpan BookingReminder,
    TimeSpan BookingTimeout,
    TimeSpan SessionReminderBefore,
    TimeSpan DecisionReminder,
    TimeSpan DecisionTimeout,
    TimeSpan AgreementReminder,
    TimeSpan AgreementTimeout,
    ActivityRetry ActivityRetry);
