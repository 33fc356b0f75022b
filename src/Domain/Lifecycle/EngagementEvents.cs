namespace CoachFlow.Domain.Lifecycle;

/// <summary>The external events the engagement workflow waits for: one name per decision (DESIGN §2.1).</summary>
public static class EngagementEvents
{
    public const string CoachTriage = nameof(CoachTriage);
    public const string ChemistryBooked = nameof(ChemistryBooked);
    public const string ChemistryRescheduled = nameof(ChemistryRescheduled);
    public const string ChemistryCancelled = nameof(ChemistryCancelled);
    public const string SessionHeld = nameof(SessionHeld);
    public const string ClientNoShow = nameof(ClientNoShow);
    public const string CoachDecision = nameof(CoachDecision);
    public const string ClientDecision = nameof(ClientDecision);
    public const string AgreementAccepted = nameof(AgreementAccepted);

    /// <summary>The coach closes the engagement from the workspace; any wait of the workflow ends on it.</summary>
    public const string CoachWithdrew = nameof(CoachWithdrew);
}
