namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>Every kind of link CoachFlow emails, by what it does.</summary>
public enum LinkKind
{
    Invite,
    Decline,
    SessionHeld,
    NoShow,
    Cancel,
    Book,
    Reschedule,
    CoachReflection,
    ClientReflection,
    Agreement,
    YourData,
    Status,
}
