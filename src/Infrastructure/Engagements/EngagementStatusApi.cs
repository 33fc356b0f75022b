using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Pages;
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
    internal static async Task<Results<Ok<EngagementStatus>, ProblemHttpResult, RazorComponentResult>> GetStatusAsync(
        string id,
        string? token,
        HttpRequest request,
        LinkSigner signer,
        EngagementStore store,
        EngagementTimeline timeline,
        CancellationToken cancellationToken)
    {
        var forPeople = request.AcceptsMediaType("text/html");
        var grant = await signer.ValidateAsync(token, LinkAction.ViewStatus).ConfigureAwait(false);
        var engagement = grant is null || grant.EngagementId.Value != id ? null : await store.GetAsync(grant.EngagementId, cancellationToken).ConfigureAwait(false);
        if (engagement is null)
        {
            return forPeople ? PageResults.InvalidLink() : NotFound();
        }

        var entries = await timeline.ListAsync(engagement.Id, cancellationToken).ConfigureAwait(false);
        if (forPeople)
        {
            return StatusPage.Render(engagement, entries);
        }

        var items = entries.Select(e => new TimelineItem(e.At, e.Actor.ToString(), e.Kind, e.Summary)).ToList();
        return TypedResults.Ok(new EngagementStatus(engagement.Id.Value, engagement.Stage.ToString(), engagement.CreatedAt, engagement.UpdatedAt, items));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No engagement matches this link. Links expire; ask for a fresh one if yours is old.");
}
