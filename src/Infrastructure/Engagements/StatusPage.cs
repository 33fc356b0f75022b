using System.Globalization;
using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>The status as a page for the client: where things stand, in words, and what has happened so far.</summary>
public static class StatusPage
{
    public static ContentHttpResult Render(CoachProfileOptions coach, Engagement engagement, IReadOnlyList<TimelineEntry> timeline)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(timeline);
        var b = new StringBuilder()
            .Append("<p class=\"stage\">").Append(Html.Encode(InWords(engagement.Stage, coach.Name))).Append("</p>")
            .Append("<p class=\"hint\">Stage: <strong>").Append(Html.Encode(engagement.Stage.ToString())).Append("</strong> · updated ")
            .Append(Html.Encode(engagement.UpdatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</p>")
            .Append("<h2>What has happened so far</h2><table><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">What</th></tr></thead><tbody>");
        foreach (var entry in timeline)
        {
            b.Append("<tr><td>").Append(Html.Encode(entry.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</td><td>")
             .Append(Html.Encode(entry.Summary)).Append("</td></tr>");
        }

        b.Append("</tbody></table>");
        return PageLayout.Page(coach, "Where things stand", b.ToString());
    }

    private static string InWords(Stage stage, string coach) => stage switch
    {
        Stage.Received => "We have your enquiry.",
        Stage.AwaitingCoachTriage => $"{coach} is reading your enquiry.",
        Stage.AwaitingBooking => "Choose a time for your chemistry session: the link is in your email.",
        Stage.ChemistryScheduled => "Your chemistry session is booked.",
        Stage.AwaitingDecisions => "Waiting for both of you to reflect on the chemistry session.",
        Stage.AwaitingAgreement => "You both said yes: the coaching agreement is waiting for you.",
        Stage.Contracted => "Coaching is agreed. Welcome!",
        Stage.Declined => $"{coach} has replied to your enquiry: please see your email.",
        Stage.NotCompatible => "You agreed this is not the right fit this time.",
        Stage.Expired => "This enquiry has closed for now; the door stays open.",
        Stage.AgreementLapsed => "The agreement offer has lapsed for now; the door stays open.",
        Stage.Withdrawn => "The chemistry session was cancelled and the enquiry closed.",
        _ => "Something went wrong on our side; we are looking into it.",
    };
}
