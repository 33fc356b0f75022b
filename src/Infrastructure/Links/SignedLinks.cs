using CoachFlow.Infrastructure.Engagements;

namespace CoachFlow.Infrastructure.Links;

/// <summary>
/// What every page behind an emailed link does first: check the token is valid for one of the
/// page's actions, then load the engagement it names. Null for a bad token and a missing
/// engagement alike, so a page never tells a stranger which one it was.
/// </summary>
public sealed class SignedLinks(LinkSigner signer, EngagementStore engagements)
{
    public async Task<OpenedLink?> OpenAsync(string? token, IReadOnlyCollection<LinkAction> allowedActions, CancellationToken cancellationToken)
    {
        var grant = await signer.ValidateAsync(token, allowedActions).ConfigureAwait(false);
        var engagement = grant is null ? null : await engagements.GetAsync(grant.EngagementId, cancellationToken).ConfigureAwait(false);
        return engagement is null ? null : new OpenedLink(grant!, engagement);
    }
}
