namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// The activities the engagement workflow calls, named for what they do. Each takes the engagement id
/// (or a small record holding it) and reads what it needs from storage: no personal data enters history.
/// </summary>
public static class LifecycleActivities
{
    public const string GetLifecycleSettings = nameof(GetLifecycleSettings);
    public const string RecordStage = nameof(RecordStage);
    public const string SendAcknowledgement = nameof(SendAcknowledgement);
    public const string SendInquiryToCoach = nameof(SendInquiryToCoach);
    public const string SendTriageReminder = nameof(SendTriageReminder);
    public const string SendChemistryInvitation = nameof(SendChemistryInvitation);
    public const string SendBookingReminder = nameof(SendBookingReminder);
    public const string SendChemistryConfirmation = nameof(SendChemistryConfirmation);
    public const string SendSessionReminder = nameof(SendSessionReminder);
    public const string SendReflectionRequests = nameof(SendReflectionRequests);
    public const string SendDecisionReminder = nameof(SendDecisionReminder);
    public const string SendAgreement = nameof(SendAgreement);
    public const string SendAgreementReminder = nameof(SendAgreementReminder);
    public const string SendContractedNotices = nameof(SendContractedNotices);
    public const string SendDecline = nameof(SendDecline);
    public const string SendExpiryNotice = nameof(SendExpiryNotice);
    public const string SendNoShowNotice = nameof(SendNoShowNotice);
    public const string SendFailureNotice = nameof(SendFailureNotice);
    public const string SendWithdrawalNotice = nameof(SendWithdrawalNotice);

    public static readonly IReadOnlyList<string> All =
    [
        GetLifecycleSettings, RecordStage, SendAcknowledgement, SendInquiryToCoach, SendTriageReminder,
        SendChemistryInvitation, SendBookingReminder, SendChemistryConfirmation, SendSessionReminder,
        SendReflectionRequests, SendDecisionReminder, SendAgreement, SendAgreementReminder,
        SendContractedNotices, SendDecline, SendExpiryNotice, SendNoShowNotice, SendFailureNotice,
        SendWithdrawalNotice,
    ];
}
