namespace CoachFlow.Domain.Intake;

/// <summary>
/// What the coach should notice before the chemistry session (DESIGN §1; never a reason to decline on its own):
/// the client works with a mental-health professional, or chose none of the coach's focus areas for their goals.
/// </summary>
public sealed record ScreeningFlags(bool MentalHealthProfessional, bool OutsideFocusAreas)
{
    public static ScreeningFlags For(IntakeAnswers intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return new ScreeningFlags(intake.SeeingMentalHealthProfessional == MentalHealthSupport.Yes, intake.FocusAreas.Count == 0);
    }
}
