using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>The reflection form after the chemistry session, and the record it leaves.</summary>
public static class ReflectionPage
{
    public const string DecisionField = "decision";
    public const string NoteField = "note";
    public const string ReferralField = "referral";
    public const int MaxNote = 2000;
    public const int MaxReferral = 300;

    public static ContentHttpResult Form(
        CoachProfileOptions coach,
        string token,
        Actor who,
        string otherName,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        var b = new StringBuilder();
        if (errors.Count > 0)
        {
            b.Append("<div class=\"summary\" role=\"alert\"><p><strong>Please check the highlighted answer.</strong></p></div>");
        }

        b.Append(who == Actor.Coach
            ? $"<p>Take a moment to reflect on your chemistry session with {Html.Encode(otherName)}. The questions are for you; answer any you find useful.</p>"
            : $"<p>Take a moment to reflect on how the chemistry session with {Html.Encode(otherName)} felt. Answer any questions you like; {Html.Encode(otherName)} will see your answers.</p>");
        b.Append("<form method=\"post\" action=\"/reflect/").Append(Html.Encode(token)).Append("\">");
        foreach (var (id, text) in ReflectionQuestions.For(who))
        {
            b.Append("<fieldset class=\"field\"><legend>").Append(Html.Encode(text)).Append(" <span class=\"hint\">(optional)</span></legend>");
            foreach (var answer in ReflectionQuestions.Answers)
            {
                var inputId = $"{id}-{answer}";
                b.Append("<label class=\"choice\" for=\"").Append(inputId).Append("\"><input type=\"radio\" id=\"").Append(inputId).Append("\" name=\"").Append(id)
                 .Append("\" value=\"").Append(answer).Append('"').Append(values.GetValueOrDefault(id) == answer ? " checked" : string.Empty).Append('>')
                 .Append(answer == "unsure" ? "Not sure" : answer == "yes" ? "Yes" : "No").Append("</label>");
            }

            b.Append("</fieldset>");
        }

        var question = $"Would you like to work with {otherName}?";
        b.Append("<fieldset class=\"field\"").Append(errors.ContainsKey(DecisionField) ? " aria-describedby=\"decision-error\"" : string.Empty)
         .Append("><legend>").Append(Html.Encode(question)).Append("</legend>");
        if (errors.TryGetValue(DecisionField, out var error))
        {
            b.Append("<p class=\"error\" id=\"decision-error\">").Append(Html.Encode(error)).Append("</p>");
        }

        foreach (var (value, label) in new[] { ("yes", "Yes, let's work together"), ("no", "No, I don't think we're the right fit") })
        {
            b.Append("<label class=\"choice\" for=\"decision-").Append(value).Append("\"><input type=\"radio\" required id=\"decision-").Append(value)
             .Append("\" name=\"decision\" value=\"").Append(value).Append('"').Append(values.GetValueOrDefault(DecisionField) == value ? " checked" : string.Empty).Append('>')
             .Append(Html.Encode(label)).Append("</label>");
        }

        b.Append("</fieldset>")
         .Append("<div class=\"field\"><label for=\"note\">Anything you would like to add? (optional)</label>")
         .Append("<textarea id=\"note\" name=\"note\" maxlength=\"").Append(MaxNote).Append("\">").Append(Html.Encode(values.GetValueOrDefault(NoteField))).Append("</textarea></div>");
        if (who == Actor.Coach)
        {
            b.Append("<div class=\"field\"><label for=\"referral\">If it's a no: someone to refer them to (optional)</label>")
             .Append("<input type=\"text\" id=\"referral\" name=\"referral\" maxlength=\"").Append(MaxReferral).Append("\" value=\"")
             .Append(Html.Encode(values.GetValueOrDefault(ReferralField))).Append("\"></div>");
        }

        b.Append("<button type=\"submit\">Send my reflection</button></form>");
        return PageLayout.Page(coach, "Your reflection", b.ToString(), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>What was recorded. The coach also sees the client's reflection: it is the record of the fit conversation.</summary>
    public static ContentHttpResult Recorded(CoachProfileOptions coach, Actor who, string clientName, Reflection mine, Reflection? client, bool justNow)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(mine);
        var b = new StringBuilder(justNow
            ? "<p>Thank you. Your reflection is recorded; we will be in touch once both of you have answered.</p>"
            : "<p>Your reflection was already recorded; it stands as it is.</p>");
        Table(b, "Your reflection", who, mine);
        if (who == Actor.Coach)
        {
            if (client is null)
            {
                b.Append("<p>").Append(Html.Encode(clientName)).Append(" has not answered yet.</p>");
            }
            else
            {
                Table(b, $"{clientName}'s reflection", Actor.Client, client);
            }
        }

        return PageLayout.Page(coach, justNow ? "Thank you" : "Already recorded", b.ToString());
    }

    private static void Table(StringBuilder b, string heading, Actor who, Reflection reflection)
    {
        b.Append("<h2>").Append(Html.Encode(heading)).Append("</h2><table>");
        foreach (var (id, text) in ReflectionQuestions.For(who))
        {
            b.Append("<tr><th scope=\"row\">").Append(Html.Encode(text)).Append("</th><td>").Append(Html.Encode(reflection.Answers.GetValueOrDefault(id) ?? "not answered")).Append("</td></tr>");
        }

        b.Append("<tr><th scope=\"row\">Decision</th><td>").Append(reflection.Yes ? "yes" : "no").Append("</td></tr>");
        if (reflection.Note is not null)
        {
            b.Append("<tr><th scope=\"row\">Note</th><td>").Append(Html.Encode(reflection.Note)).Append("</td></tr>");
        }

        if (reflection.Referral is not null)
        {
            b.Append("<tr><th scope=\"row\">Referral</th><td>").Append(Html.Encode(reflection.Referral)).Append("</td></tr>");
        }

        b.Append("</table>");
    }
}
