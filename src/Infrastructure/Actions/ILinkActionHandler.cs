using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Links;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Actions;

/// <summary>
/// One kind of one-click email action. <c>GET /act/{token}</c> only asks <see cref="DescribeAsync"/>
/// (email scanners follow links); <c>POST</c> calls <see cref="PerformAsync"/>, which must be safe to repeat.
/// </summary>
public interface ILinkActionHandler
{
    LinkAction Action { get; }

    Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken);

    /// <summary>
    /// Performs the action with the submitted field values (already trimmed and length-checked),
    /// telling the workflow through <paramref name="workflows"/>: the request's Durable client (on
    /// Azure Functions each invocation gets its own, so it is never held by a singleton).
    /// </summary>
    Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, DurableTaskClient workflows, CancellationToken cancellationToken);
}
