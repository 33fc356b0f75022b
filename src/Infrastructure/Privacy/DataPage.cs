using System.Globalization;
using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// "Your data": everything held about an engagement, a download of it, and an erase form that needs
/// an explicit confirmation. Opening the page changes nothing.
/// </summary>
public static class DataPage
{
    public const string ConfirmField = "confirm";
    public const string ConfirmValue = "erase";

    public static ContentHttpResult Show(CoachProfileOptions coach, string token, Actor who, EngagementExport data, bool confirmMissing = false)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(data);
        var intake = data.Intake;
        var b = new StringBuilder();
        if (confirmMissing)
        {
            b.Append("<div class=\"summary\" role=\"alert\"><p><strong>Nothing was erased: please tick the box to confirm.</strong></p></div>");
        }

        b.Append(who == Actor.Coach
                ? $"<p>Everything CoachFlow holds about {Html.Encode(intake.Name)}'s enquiry, as they would see it, plus your own reflection.</p>"
                : "<p>This is everything we hold about you and your enquiry. You can download it, or erase it.</p>")
         .Append("<p><a href=\"/data/").Append(Html.Encode(token)).Append("/export\" download>Download it all (JSON)</a></p>")
         .Append("<h2>What you told us</h2><table><tbody>");
        Row(b, "Name", intake.Name);
        Row(b, "Email", intake.Email);
        Row(b, "Time zone", intake.TimeZone);
        Row(b, "What you would like to work on", intake.Goals);
        Row(b, "Focus areas", intake.FocusAreas.Count == 0 ? "none chosen" : string.Join(", ", intake.FocusAreas));
        Row(b, "Working with a mental-health professional", intake.SeeingMentalHealthProfessional switch
        {
            MentalHealthSupport.Yes => "yes",
            MentalHealthSupport.No => "no",
            MentalHealthSupport.PreferNotToSay => "prefer not to say",
            _ => "erased",
        });
        Row(b, "Your note about it", intake.MentalHealthNote ?? "none kept");
        Row(b, "Heard about us from", intake.HeardFrom ?? "not said");
        b.Append("</tbody></table>");

        if (data.ChemistrySession is { } session)
        {
            b.Append("<h2>Chemistry session</h2><p>").Append(Html.Encode(session.Start.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
             .Append(session.Cancelled ? " (cancelled)" : session.Missed ? " (missed)" : string.Empty).Append("</p>");
        }

        Reflection(b, "Your reflection", data.ClientReflection);
        Reflection(b, "The coach's reflection", data.CoachReflection);
        if (data.Agreement is { } agreement)
        {
            b.Append("<h2>The agreement</h2><p>Accepted by \"").Append(Html.Encode(agreement.SignedName)).Append("\" on ")
             .Append(Html.Encode(agreement.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</p>");
        }

        b.Append("<h2>What happened, step by step</h2><table><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">What</th></tr></thead><tbody>");
        foreach (var item in data.Timeline)
        {
            b.Append("<tr><td>").Append(Html.Encode(item.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</td><td>").Append(Html.Encode(item.Summary)).Append("</td></tr>");
        }

        b.Append("</tbody></table>")
         .Append("<h2>Erase it</h2><p>").Append(Html.Encode(ErasureScope(who, data))).Append("</p>")
         .Append("<form method=\"post\" action=\"/data/").Append(Html.Encode(token)).Append("\">")
         .Append("<div class=\"field\"><label class=\"choice\" for=\"confirm\"><input type=\"checkbox\" id=\"confirm\" name=\"").Append(ConfirmField).Append("\" value=\"").Append(ConfirmValue).Append("\" required")
         .Append(confirmMissing ? " aria-invalid=\"true\"" : string.Empty)
         .Append(">I understand that this cannot be undone.</label></div>")
         .Append("<button type=\"submit\">Erase</button></form>");
        var title = who == Actor.Coach ? $"Data held about {intake.Name}" : "Your data";
        return PageLayout.Page(coach, title, b.ToString(), confirmMissing ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static ContentHttpResult Erased(CoachProfileOptions coach, ErasureTombstone tombstone)
    {
        ArgumentNullException.ThrowIfNull(tombstone);
        var body = tombstone.ContractKept
            ? "<p>Everything but your coaching agreement has been erased. What stays is what the agreement consists of: your name, email, time zone, the goals you agreed to work on, and your signature, for as long as the coaching relationship and the coach's record-keeping duty last.</p>"
            : "<p>Everything CoachFlow held about this enquiry has been erased: the answers, the messages, the bookings and the workflow's own records.</p>";
        var when = Html.Encode((tombstone.CompletedAt ?? tombstone.RequestedAt).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        return PageLayout.Page(coach, "Erased", body + $"<p class=\"hint\">What remains is a note that an erasure happened on {when}, under a reference that cannot be traced back to you: {Html.Encode(tombstone.HashedId[..16])}.</p>");
    }

    private static string ErasureScope(Actor who, EngagementExport data) => (who, data.Stage) switch
    {
        (Actor.Client, nameof(Stage.Contracted)) => "Erasing keeps only your coaching agreement: your name, email, time zone, the goals you agreed to and your signature. Everything else goes, for good.",
        (Actor.Client, _) => "Erasing removes everything above, and stops anything still to come. Links in your emails will stop working.",
        _ => "Erasing removes everything above, the agreement included, and stops the workflow. Links in both your emails will stop working.",
    };

    private static void Row(StringBuilder b, string label, string value) =>
        b.Append("<tr><th scope=\"row\">").Append(Html.Encode(label)).Append("</th><td class=\"prose\">").Append(Html.Encode(value)).Append("</td></tr>");

    private static void Reflection(StringBuilder b, string heading, Reflection? reflection)
    {
        if (reflection is null)
        {
            return;
        }

        b.Append("<h2>").Append(Html.Encode(heading)).Append("</h2><p>Decision: ").Append(reflection.Yes ? "yes" : "no").Append("</p>");
        if (reflection.Note is { } note)
        {
            b.Append("<p class=\"prose\">").Append(Html.Encode(note)).Append("</p>");
        }
    }
}
