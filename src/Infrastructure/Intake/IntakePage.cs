using System.Security.Cryptography;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Intake;

/// <summary>The intake form (<see cref="IntakeFormPage"/>), its thank-you page, and the form's one script.</summary>
public static class IntakePage
{
    public static RazorComponentResult Render(IntakeForm? values = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        values ??= new IntakeForm();
        errors ??= new Dictionary<string, string[]>();
        // A refused key is replaced, or sending the form again would be refused for it again.
        var key = (errors.ContainsKey(IntakeFields.IdempotencyKey) ? null : values.IdempotencyKey) ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return PageResults.Render<IntakeFormPage>(
            new { Values = values, Errors = errors, IdempotencyKey = key },
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static RazorComponentResult ThankYou() => PageResults.Render<IntakeThanksPage>(new { });

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

    private static string JsString(string value) => System.Text.Json.JsonSerializer.Serialize(value).Replace("<", "\\u003c", StringComparison.Ordinal);
}
