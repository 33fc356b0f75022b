using NodaTime;

namespace CoachFlow.Domain.Intake;

/// <summary>
/// The rules an intake must pass. A client sees every problem at once, one message per field,
/// so each rule adds to the same error list rather than stopping at the first.
/// </summary>
public sealed class IntakeRules
{
    public const int MaxNameLength = 200;
    public const int MaxGoalsLength = 4000;
    public const int MaxNoteLength = 1000;
    public const int MaxHeardFromLength = 200;
    public const int MaxIdempotencyKeyLength = 128;

    private readonly IReadOnlyList<string> _focusAreas;
    private readonly string _defaultTimeZone;

    public IntakeRules(IReadOnlyList<string> focusAreas, string defaultTimeZone)
    {
        ArgumentNullException.ThrowIfNull(focusAreas);
        if (!IsKnownTimeZone(defaultTimeZone))
        {
            throw new ArgumentException($"'{defaultTimeZone}' is not an IANA time zone.", nameof(defaultTimeZone));
        }

        _focusAreas = focusAreas;
        _defaultTimeZone = defaultTimeZone;
    }

    /// <summary>Every IANA zone id the rules accept, for pickers.</summary>
    public static IReadOnlyCollection<string> KnownTimeZoneIds => DateTimeZoneProviders.Tzdb.Ids;

    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    public IntakeValidation Validate(IntakeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var name = SingleLine(form.Name, IntakeFields.Name, "your name", MaxNameLength, required: true, Fail);
        var email = Email(form.Email, Fail);
        var timeZone = TimeZone(form.TimeZone, Fail);
        var goals = MultiLine(form.Goals, IntakeFields.Goals, "what you would like to work on", MaxGoalsLength, required: true, Fail);
        var focusAreas = FocusAreas(form.FocusAreas, Fail);
        var support = MentalHealth(form.SeeingMentalHealthProfessional, Fail);
        var note = MultiLine(form.MentalHealthNote, IntakeFields.MentalHealthNote, "the note", MaxNoteLength, required: false, Fail);
        var heardFrom = SingleLine(form.HeardFrom, IntakeFields.HeardFrom, "how you heard of us", MaxHeardFromLength, required: false, Fail);
        Consent(form.Consent, Fail);
        IdempotencyKey(form.IdempotencyKey, Fail);

        if (errors.Count > 0)
        {
            return new IntakeValidation(null, errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        // Special-category data is kept to the minimum: a note only accompanies a "yes".
        var keptNote = support == MentalHealthSupport.Yes ? note : null;
        var answers = new IntakeAnswers(name!, email!, timeZone!, goals!, focusAreas, support!.Value, keptNote, heardFrom);
        return new IntakeValidation(answers, new Dictionary<string, string[]>());
    }

    private static string? SingleLine(string? raw, string field, string what, int max, bool required, Action<string, string> fail)
    {
        var value = Trimmed(raw);
        if (value is null)
        {
            if (required)
            {
                fail(field, $"Please enter {what}.");
            }

            return null;
        }

        if (value.Length > max)
        {
            fail(field, $"Please keep {what} to {max} characters or fewer.");
        }

        if (value.Any(char.IsControl))
        {
            fail(field, $"Please enter {what} on a single line.");
        }

        return value;
    }

    private static string? MultiLine(string? raw, string field, string what, int max, bool required, Action<string, string> fail)
    {
        var value = Trimmed(raw);
        if (value is null)
        {
            if (required)
            {
                fail(field, $"Please tell us {what}.");
            }

            return null;
        }

        if (value.Length > max)
        {
            fail(field, $"Please keep {what} to {max} characters or fewer.");
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            fail(field, $"{Capitalised(what)} contains characters we cannot store.");
        }

        return value;
    }

    private static string? Email(string? raw, Action<string, string> fail)
    {
        var value = Trimmed(raw);
        if (value is null)
        {
            fail(IntakeFields.Email, "Please enter your email address.");
            return null;
        }

        if (!EmailAddressFormat.IsPlausible(value))
        {
            fail(IntakeFields.Email, "Please enter an email address like name@example.com.");
        }

        return value;
    }

    private string? TimeZone(string? raw, Action<string, string> fail)
    {
        var value = Trimmed(raw);
        if (value is null)
        {
            return _defaultTimeZone;
        }

        if (!IsKnownTimeZone(value))
        {
            fail(IntakeFields.TimeZone, "Please choose a time zone such as Europe/London or America/New_York.");
            return null;
        }

        return value;
    }

    private List<string> FocusAreas(IReadOnlyList<string> raw, Action<string, string> fail)
    {
        var chosen = new List<string>();
        foreach (var item in raw)
        {
            var value = Trimmed(item);
            if (value is null)
            {
                continue;
            }

            var match = _focusAreas.FirstOrDefault(area => string.Equals(area, value, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                fail(IntakeFields.FocusAreas, $"Please choose focus areas from the list: {string.Join(", ", _focusAreas)}.");
                return chosen;
            }

            if (!chosen.Contains(match))
            {
                chosen.Add(match);
            }
        }

        return chosen;
    }

    private static MentalHealthSupport? MentalHealth(string? raw, Action<string, string> fail)
    {
        MentalHealthSupport? answer = Trimmed(raw)?.ToUpperInvariant() switch
        {
            "YES" => MentalHealthSupport.Yes,
            "NO" => MentalHealthSupport.No,
            "PREFERNOTTOSAY" => MentalHealthSupport.PreferNotToSay,
            _ => null,
        };
        if (answer is null)
        {
            fail(IntakeFields.SeeingMentalHealthProfessional, "Please answer yes, no or prefer not to say.");
        }

        return answer;
    }

    private static void Consent(string? raw, Action<string, string> fail)
    {
        var value = Trimmed(raw);
        if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "on", StringComparison.OrdinalIgnoreCase))
        {
            fail(IntakeFields.Consent, "Please agree to the privacy notice so we can keep your answers.");
        }
    }

    private static void IdempotencyKey(string? raw, Action<string, string> fail)
    {
        if (raw is null)
        {
            return;
        }

        if (raw.Length is 0 or > MaxIdempotencyKeyLength || raw.Any(c => c is < '!' or > '~'))
        {
            fail(IntakeFields.IdempotencyKey, $"An idempotency key is 1 to {MaxIdempotencyKeyLength} visible ASCII characters.");
        }
    }

    private static string? Trimmed(string? raw)
    {
        var value = raw?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string Capitalised(string what) => string.Concat(what[..1].ToUpperInvariant(), what.AsSpan(1));
}
