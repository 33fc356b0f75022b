using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Links;

namespace CoachFlow.Tests.Lifecycle.Activities;

/// <summary>
/// One email an activity must send: to whom, its subject, and the signed links it carries, each of which
/// must act for that recipient. Every client email also carries the client's own "Your data" link.
/// </summary>
public sealed record ExpectedEmail(Actor To, string Subject, params IReadOnlyList<LinkAction> Links)
{
    public IReadOnlySet<(Actor, LinkAction)> Grants =>
        (To == Actor.Client ? Links.Append(LinkAction.ManageData) : Links).Select(a => (To, a)).ToHashSet();
}
