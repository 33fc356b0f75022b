namespace CoachFlow.Infrastructure.Intake;

public enum IntakeReadStatus
{
    Read,
    TooLarge,
    UnsupportedMediaType,
    Malformed,
}
