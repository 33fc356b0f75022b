using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Engagements;

public static class EngagementStatusApi
{
    public static IReadOnlyList<CoachFlowRoute> Routes { get; } =
    [
        new("GetEngagementStatus", HttpMethods.Get, "/api/engagements/{id}/status", GetStatusAsync),
    ];

    /// <summary>
    /// The token is checked before the store is asked, and every refusal is the same 404, so the
    /// endpoint never tells a stranger whether an engagement exists.
    /// </summary>
    public static async Task<Results<Ok<EngagementStatus>, ProblemHttpResult>> GetStatusAsync(
        string id,
        string? token,
        LinkSigner signer,
        EngagementStore store,
        EngagementTimeline timeline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeline);
        var grant = await signer.ValidateAsync(token, LinkAction.ViewStatus).ConfigureAwait(false);
        if (grant is null || grant.EngagementId.Value != id)
        {
            return NotFound();
        }

        var engagement = await store.GetAsync(grant.EngagementId, cancellationToken).ConfigureAwait(false);
        if (engagement is null)
        {
            return NotFound();
        }

        var entries = await timeline.ListAsync(engagement.Id, cancellationToken).ConfigureAwait(false);
        var items = entries.Select(e => new TimelineItem(e.At, e.Actor.ToString(), e.Kind, e.Summary)).ToList();
        return TypedResults.Ok(new EngagementStatus(engagement.Id.Value, engagement.Stage.ToString(), engagement.CreatedAt, engagement.UpdatedAt, items));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No engagement matches this link. Links expire; ask for a fresh one if yours is old.");
}
