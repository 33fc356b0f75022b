namespace CoachFlow.Domain.Intake;

/// <summary>The intake field names, identical in JSON, in the form and in per-field errors.</summary>
public static class IntakeFields
{
    public const string Name = "name";
    public const string Email = "email";
    public const string TimeZone = "timeZone";
    public const string Goals = "goals";
    public const string FocusAreas = "focusAreas";
    public const string SeeingMentalHealthProfessional = "seeingMentalHealthProfessional";
    public const string MentalHealthNote = "mentalHealthNote";
    public const string HeardFrom = "heardFrom";
    public const string Consent = "consent";
    public const string Website = "website";
    public const string IdempotencyKey = "idempotencyKey";
}
