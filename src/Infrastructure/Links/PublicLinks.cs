using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Links;

/// <summary>Builds the absolute, signed URLs CoachFlow hands out, rooted at the configured public base URL.</summary>
public sealed class PublicLinks(IOptions<CoachFlowOptions> options, LinkSigner signer, TimeProvider clock)
{
    /// <summary>Status links outlive the whole lifecycle (weeks of waits), with room to spare.</summary>
    public static readonly TimeSpan StatusLinkLifetime = TimeSpan.FromDays(180);

    private readonly string _baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>Booking links stay valid well past the booking deadline; the workflow decides when booking is over.</summary>
    public static readonly TimeSpan BookingLinkLifetime = TimeSpan.FromDays(30);

    /// <summary>A lifecycle of a few months plus the default 180 days' retention, with room to spare.</summary>
    public static readonly TimeSpan DataLinkLifetime = TimeSpan.FromDays(400);

    public Uri Status(EngagementId id)
    {
        var token = signer.Issue(id, Actor.Client, LinkAction.ViewStatus, StatusLinkLifetime);
        return new Uri($"{_baseUrl}/api/engagements/{id.Value}/status?token={Uri.EscapeDataString(token)}");
    }

    public Uri Book(EngagementId id) => Page("book", id, Actor.Client, LinkAction.BookChemistry, BookingLinkLifetime);

    /// <summary>Reschedule and cancel links last until a day after the session would have started.</summary>
    public Uri Reschedule(EngagementId id, DateTimeOffset sessionStart) =>
        Page("book", id, Actor.Client, LinkAction.RescheduleChemistry, UntilDayAfter(sessionStart));

    public Uri CancelChemistry(EngagementId id, DateTimeOffset sessionStart) =>
        Page("act", id, Actor.Client, LinkAction.CancelChemistry, UntilDayAfter(sessionStart));

    /// <summary>The coach's "Session held" and "No-show" links, for as long as the client's own links to that session last.</summary>
    public Uri SessionHeld(EngagementId id, DateTimeOffset sessionStart) =>
        Page("act", id, Actor.Coach, LinkAction.MarkSessionHeld, UntilDayAfter(sessionStart));

    public Uri NoShow(EngagementId id, DateTimeOffset sessionStart) =>
        Page("act", id, Actor.Coach, LinkAction.ReportNoShow, UntilDayAfter(sessionStart));

    /// <summary>Triage, reflection and agreement links outlive their wait by a day; the workflow decides when the wait is over.</summary>
    public Uri InviteToChemistry(EngagementId id) => Page("act", id, Actor.Coach, LinkAction.InviteToChemistry, Durations.TriageTimeout + TimeSpan.FromDays(1));

    public Uri DeclineAtTriage(EngagementId id) => Page("act", id, Actor.Coach, LinkAction.DeclineAtTriage, Durations.TriageTimeout + TimeSpan.FromDays(1));

    public Uri Reflect(EngagementId id, Actor who) => Page("reflect", id, who, LinkAction.Reflect, Durations.DecisionTimeout + TimeSpan.FromDays(1));

    /// <summary>
    /// The "Your data" page, for the client (in every email) or the coach (in the enquiry email). It
    /// lasts for the engagement and its retention after it ends.
    /// </summary>
    public Uri Data(EngagementId id, Actor who) => Page("data", id, who, LinkAction.ManageData, DataLinkLifetime);

    public Uri Agreement(EngagementId id) => Page("agreement", id, Actor.Client, LinkAction.AcceptAgreement, Durations.AgreementTimeout + TimeSpan.FromDays(1));

    private DurationOptions Durations => options.Value.Durations;

    private Uri Page(string path, EngagementId id, Actor actor, LinkAction action, TimeSpan lifetime) =>
        new($"{_baseUrl}/{path}/{signer.Issue(id, actor, action, lifetime)}");

    private TimeSpan UntilDayAfter(DateTimeOffset moment)
    {
        var lifetime = moment.AddDays(1) - clock.GetUtcNow();
        return lifetime > TimeSpan.FromHours(1) ? lifetime : TimeSpan.FromHours(1);
    }
}
