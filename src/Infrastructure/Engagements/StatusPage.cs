using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>The client's status page (<see cref="StatusView"/>) and its stages in words.</summary>
public static class StatusPage
{
    public static RazorComponentResult Render(Engagement engagement, IReadOnlyList<TimelineEntry> timeline) =>
        PageResults.Render<StatusView>(new { Engagement = engagement, Timeline = timeline });

    public static string InWords(Stage stage, string coach) => stage switch
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
        Stage.Withdrawn => "This enquiry is closed; please see your email. The door stays open.",
        _ => "Something went wrong on our side; we are looking into it.",
    };
}
