namespace CoachFlow.Infrastructure.Actions;

/// <summary>
/// The coach's own words for a client's closing email (a decline at triage, a withdrawal): an optional note and an
/// optional referral, offered as the same two fields and read the same way by every action that asks for them.
/// </summary>
public static class CoachWords
{
    public const string NoteField = "note";
    public const string ReferralField = "referral";

    public static IReadOnlyList<ActField> Fields { get; } =
    [
        new ActField(NoteField, "A personal note (optional)", "Included in the email, in your words.", 1000, Multiline: true),
        new ActField(ReferralField, "Someone to refer them to (optional)", "Shown first, above your usual referrals.", 300, Multiline: false),
    ];

    /// <summary>The note and referral submitted; a blank one is none.</summary>
    public static (string? Note, string? Referral) Read(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return (Blank(fields.GetValueOrDefault(NoteField)), Blank(fields.GetValueOrDefault(ReferralField)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
