using CoachFlow.Infrastructure.Email;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The values the chemistry confirmation and cancellation templates use; <see cref="When"/> is in the recipient's zone.</summary>
public sealed record ChemistryEmailModel(
    EmailCoach Coach,
    string RecipientName,
    string ClientName,
    string When,
    bool Rescheduled,
    Uri MeetingLink,
    Uri? RescheduleUrl,
    Uri? CancelUrl)
{
    /// <summary>The coach's "Session held" and "No-show" links; only in the coach's copy of a booking.</summary>
    public Uri? HeldUrl { get; init; }

    public Uri? NoShowUrl { get; init; }
}
