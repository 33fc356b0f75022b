namespace CoachFlow.Domain.Engagements;

/// <summary>Where an engagement is in the lifecycle of DESIGN §1; the names are the status API's contract.</summary>
public enum Stage
{
    Received,
    AwaitingCoachTriage,
    AwaitingBooking,
    ChemistryScheduled,
    AwaitingDecisions,
    AwaitingAgreement,
    Contracted,
    Declined,
    NotCompatible,
    Expired,
    AgreementLapsed,
    Withdrawn,
    Failed,
}
