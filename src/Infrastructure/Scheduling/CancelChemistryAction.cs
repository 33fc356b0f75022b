using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Links;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The client's "cancel my chemistry session" link.</summary>
public sealed class CancelChemistryAction(ChemistryScheduler scheduler) : ILinkActionHandler
{
    public LinkAction Action => LinkAction.CancelChemistry;

    public Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (!ChemistryScheduler.Upcoming(engagement, out var session))
        {
            return Task.FromResult(ActPrompt.SettledAs(engagement.Chemistry is { Cancelled: true } ? AlreadyCancelled : NothingToCancel));
        }

        var when = SlotFormat.ForPeople(BookingPage.ToSlot(session), BookingPage.ZoneFor(null, engagement));
        return Task.FromResult(new ActPrompt(
            "Cancel the chemistry session?",
            $"Your chemistry session is on {when}. Cancelling frees the time and closes this enquiry; you are always welcome to get in touch again.",
            "Yes, cancel the session"));
    }

    public async Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var result = await scheduler.CancelAsync(engagement.Id, workflows, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            BookingStatus.Cancelled => new ActOutcome(ActOutcomeKind.Done, "Session cancelled", "Your chemistry session is cancelled and a calendar update is on its way. Thank you for letting us know."),
            BookingStatus.AlreadyCancelled => AlreadyCancelled,
            _ => NothingToCancel,
        };
    }

    private static ActOutcome AlreadyCancelled => new(ActOutcomeKind.AlreadyRecorded, "Already cancelled", "The session is cancelled.");

    private static ActOutcome NothingToCancel => new(ActOutcomeKind.NotPossible, "Nothing to cancel", "There is no booked session to cancel.");
}
