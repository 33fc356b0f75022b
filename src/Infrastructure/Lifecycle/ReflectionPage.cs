using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>The reflection form (<see cref="ReflectionFormPage"/>) and the record it leaves (<see cref="ReflectionRecordedPage"/>).</summary>
public static class ReflectionPage
{
    public const string DecisionField = "decision";
    public const string NoteField = "note";
    public const string ReferralField = "referral";
    public const int MaxNote = 2000;
    public const int MaxReferral = 300;

    public static RazorComponentResult Form(
        string action,
        Actor who,
        string otherName,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return PageResults.Render<ReflectionFormPage>(
            new { Action = action, Who = who, OtherName = otherName, Values = values, Errors = errors },
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static RazorComponentResult Recorded(Actor who, string clientName, Reflection mine, Reflection? client, bool justNow) =>
        PageResults.Render<ReflectionRecordedPage>(new { Who = who, ClientName = clientName, Mine = mine, Client = client, JustNow = justNow });
}
