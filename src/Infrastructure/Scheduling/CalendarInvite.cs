using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>Everything a chemistry-session calendar invitation says.</summary>
public sealed record CalendarInvite(
    EngagementId EngagementId,
    ChemistrySession Session,
    string CoachName,
    string CoachEmail,
    string ClientName,
    string ClientEmail,
    Uri MeetingLink,
    Uri? RescheduleUrl,
    Uri? CancelUrl,
    DateTimeOffset Stamp);
