using System.Security.Cryptography;
using System.Text;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Intake;

/// <summary>The hosted intake form; on a failed submit it comes back with the input kept and each error beside its field.</summary>
public static class IntakePage
{
    public static ContentHttpResult Render(CoachProfileOptions coach, IntakeForm? values = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(coach);
        values ??= new IntakeForm();
        errors ??= new Dictionary<string, string[]>();
        var b = new StringBuilder();

        if (errors.Count > 0)
        {
            b.Append("<div class=\"summary\" role=\"alert\"><p><strong>Please check the highlighted answers.</strong></p></div>");
        }

        b.Append("<p>Thank you for thinking of working with ").Append(Html.Encode(coach.Name))
         .Append(". A few questions help us prepare a free, no-obligation chemistry session: a conversation for both of us to see whether we are a good fit.</p>")
         .Append("<form method=\"post\" action=\"/api/intake\">");

        TextField(b, IntakeFields.Name, "Your name", "text", values.Name, errors, "name", hint: null);
        TextField(b, IntakeFields.Email, "Email address", "email", values.Email, errors, "email", hint: "We only use it to arrange our conversation.");

        Field(b, IntakeFields.Goals, errors, "What would you like to work on?", "In your own words; a few sentences are plenty.", attrs =>
            b.Append("<textarea id=\"goals\" name=\"goals\" required maxlength=\"").Append(IntakeRules.MaxGoalsLength).Append('"').Append(attrs).Append('>')
             .Append(Html.Encode(values.Goals)).Append("</textarea>"));

        b.Append("<fieldset class=\"field\"").Append(Described(IntakeFields.FocusAreas, errors)).Append("><legend>Which of these are closest to it? <span class=\"hint\">(optional)</span></legend>");
        Errors(b, IntakeFields.FocusAreas, errors);
        var index = 0;
        foreach (var area in coach.EffectiveFocusAreas)
        {
            var id = $"focus-{index++}";
            var chosen = values.FocusAreas.Contains(area, StringComparer.OrdinalIgnoreCase);
            b.Append("<label class=\"choice\" for=\"").Append(id).Append("\"><input type=\"checkbox\" id=\"").Append(id)
             .Append("\" name=\"focusAreas\" value=\"").Append(Html.Encode(area)).Append('"').Append(chosen ? " checked" : string.Empty).Append('>')
             .Append(Html.Encode(area)).Append("</label>");
        }

        b.Append("</fieldset>");

        b.Append("<fieldset class=\"field\"").Append(Described(IntakeFields.SeeingMentalHealthProfessional, errors))
         .Append("><legend>Are you currently working with a mental-health professional?</legend>")
         .Append("<p class=\"hint\">Coaching is not therapy, and many people do both. This only helps us talk about how they fit together; it is seen by ")
         .Append(Html.Encode(coach.Name)).Append(" alone.</p>");
        Errors(b, IntakeFields.SeeingMentalHealthProfessional, errors);
        foreach (var (value, label) in new[] { ("yes", "Yes"), ("no", "No"), ("preferNotToSay", "I'd prefer not to say") })
        {
            var chosen = string.Equals(values.SeeingMentalHealthProfessional, value, StringComparison.OrdinalIgnoreCase);
            b.Append("<label class=\"choice\" for=\"mh-").Append(value).Append("\"><input type=\"radio\" required id=\"mh-").Append(value)
             .Append("\" name=\"seeingMentalHealthProfessional\" value=\"").Append(value).Append('"').Append(chosen ? " checked" : string.Empty).Append('>')
             .Append(label).Append("</label>");
        }

        b.Append("</fieldset>");
        Field(b, IntakeFields.MentalHealthNote, errors, "Anything you would like us to know about that? (optional)", "Kept only if you answered yes.", attrs =>
            b.Append("<textarea id=\"mentalHealthNote\" name=\"mentalHealthNote\" maxlength=\"").Append(IntakeRules.MaxNoteLength).Append('"').Append(attrs).Append('>')
             .Append(Html.Encode(values.MentalHealthNote)).Append("</textarea>"));

        Field(b, IntakeFields.TimeZone, errors, "Your time zone", "So session times are shown in your local time, e.g. Europe/London.", attrs =>
        {
            b.Append("<input type=\"text\" id=\"timeZone\" name=\"timeZone\" list=\"time-zones\" autocomplete=\"off\" value=\"")
             .Append(Html.Encode(values.TimeZone ?? coach.TimeZone)).Append('"').Append(attrs).Append('>');
            TimeZoneList.AppendDatalist(b, "time-zones");
        });
        TextField(b, IntakeFields.HeardFrom, "How did you hear about us? (optional)", "text", values.HeardFrom, errors, "off", hint: null);

        // Invisible to people and assistive technology; bots fill it in.
        b.Append("<div class=\"visually-hidden\" aria-hidden=\"true\"><label for=\"website\">Leave this empty</label>")
         .Append("<input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>");

        // A fresh key per rendered form: a double click or a resubmitted page yields the same engagement.
        // A refused key is replaced, or sending the form again would be refused for it again.
        var key = (errors.ContainsKey(IntakeFields.IdempotencyKey) ? null : values.IdempotencyKey) ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        b.Append("<input type=\"hidden\" name=\"idempotencyKey\" value=\"").Append(Html.Encode(key)).Append("\">");

        b.Append("<div class=\"field\"").Append(Described(IntakeFields.Consent, errors)).Append('>');
        Errors(b, IntakeFields.Consent, errors);
        b.Append("<label class=\"choice\" for=\"consent\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"on\" required")
         .Append(Invalid(IntakeFields.Consent, errors)).Append(">I agree that ").Append(Html.Encode(coach.Name))
         .Append(" may keep these answers to arrange and prepare our conversation, and will delete them on request.</label></div>")
         .Append("<button type=\"submit\">Send</button></form>")
         .Append("<script>").Append(TimeZoneScript(coach)).Append("</script>");

        var status = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return PageLayout.Page(coach, "Let's see if we're a good fit", b.ToString(), status);
    }

    /// <summary>
    /// Fills in the visitor's own time zone. The page's Content-Security-Policy allows exactly this
    /// script by its hash, so it must not vary per request.
    /// </summary>
    public static string TimeZoneScript(CoachProfileOptions coach)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return "(() => { const tz = document.getElementById('timeZone'); const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;"
            + " if (mine && tz.defaultValue === " + JsString(coach.TimeZone) + ") { tz.value = mine; } })();";
    }

    public static ContentHttpResult ThankYou(CoachProfileOptions coach)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var body = $"<p>Thank you — your answers have reached {Html.Encode(coach.Name)}.</p>"
            + "<p>You will get an email shortly confirming this, and another with next steps. If nothing arrives within a day, please check your spam folder.</p>";
        return PageLayout.Page(coach, "Thank you", body);
    }

    private static void TextField(StringBuilder b, string name, string label, string type, string? value, IReadOnlyDictionary<string, string[]> errors, string autocomplete, string? hint)
    {
        var required = name is IntakeFields.Name or IntakeFields.Email;
        Field(b, name, errors, label, hint, attrs =>
            b.Append("<input type=\"").Append(type).Append("\" id=\"").Append(name).Append("\" name=\"").Append(name)
             .Append("\" autocomplete=\"").Append(autocomplete).Append("\" value=\"").Append(Html.Encode(value)).Append('"')
             .Append(required ? " required" : string.Empty).Append(attrs).Append('>'));
    }

    private static void Field(StringBuilder b, string name, IReadOnlyDictionary<string, string[]> errors, string label, string? hint, Action<string> control)
    {
        b.Append("<div class=\"field\"><label for=\"").Append(name).Append("\">").Append(Html.Encode(label)).Append("</label>");
        if (hint is not null)
        {
            b.Append("<p class=\"hint\" id=\"").Append(name).Append("-hint\">").Append(Html.Encode(hint)).Append("</p>");
        }

        Errors(b, name, errors);
        var describedBy = string.Join(' ', new[] { hint is null ? null : $"{name}-hint", errors.ContainsKey(name) ? $"{name}-error" : null }.OfType<string>());
        control((describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : string.Empty) + Invalid(name, errors));
        b.Append("</div>");
    }

    private static void Errors(StringBuilder b, string name, IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.TryGetValue(name, out var messages))
        {
            b.Append("<p class=\"error\" id=\"").Append(name).Append("-error\">").Append(Html.Encode(string.Join(" ", messages))).Append("</p>");
        }
    }

    private static string Invalid(string name, IReadOnlyDictionary<string, string[]> errors) =>
        errors.ContainsKey(name) ? " aria-invalid=\"true\"" : string.Empty;

    private static string Described(string name, IReadOnlyDictionary<string, string[]> errors) =>
        errors.ContainsKey(name) ? $" aria-describedby=\"{name}-error\"" : string.Empty;

    private static string JsString(string value) => System.Text.Json.JsonSerializer.Serialize(value).Replace("<", "\\u003c", StringComparison.Ordinal);
}
