namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>Where an engagement can be by the time someone opens an old link: ended in each way, erased, or moved past the link's step.</summary>
public enum MovedOn
{
    ExpiredAtTriage,
    DeclinedAtTriage,
    Invited,
    ExpiredAtBooking,
    Booked,
    Withdrawn,
    ClientReflected,
    ExpiredAtDecisions,
    NotCompatible,
    AwaitingAgreement,
    AgreementLapsed,
    Contracted,
    Erased,
}
