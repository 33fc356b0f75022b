using System.Security.Claims;
using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachFlow.Infrastructure.Links;

/// <summary>
/// Issues and checks the signed, expiring tokens in CoachFlow's links (HS256 JWTs). Expiry is
/// checked against the injected clock rather than the library's, so the dev clock and tests agree
/// with the workflow about what "now" is.
/// </summary>
public sealed class LinkSigner
{
    private const string Issuer = "coachflow";
    private const string ActorClaim = "act";
    private const string ActionClaim = "do";

    /// <summary>Sign-in links are for the coach's workspace, not an engagement: their own audience keeps the two apart.</summary>
    private const string SignInAudience = "coach-workspace";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly TimeProvider _clock;

    public LinkSigner(IOptions<CoachFlowOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Value.LinkSigningKey));
        _clock = clock;
    }

    public string Issue(EngagementId engagementId, Actor actor, LinkAction action, TimeSpan lifetime) =>
        Create(engagementId.Value, actor, action, audience: null, lifetime);

    /// <summary>A sign-in link's token for the coach, naming the one-time <paramref name="nonce"/> that makes it single-use.</summary>
    public string IssueSignIn(string nonce, TimeSpan lifetime) => Create(nonce, Actor.Coach, LinkAction.SignIn, SignInAudience, lifetime);

    /// <summary>The nonce and expiry of a valid, unexpired sign-in token; null for anything else (an engagement link included).</summary>
    public async Task<(string Nonce, DateTimeOffset ExpiresAt)?> ValidateSignInAsync(string? token) =>
        await ReadAsync(token, SignInAudience).ConfigureAwait(false) is { } jwt
        && jwt.TryGetPayloadValue<string>(ActionClaim, out var action) && action == nameof(LinkAction.SignIn)
        && !string.IsNullOrEmpty(jwt.Subject)
            ? (jwt.Subject, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero))
            : null;

    /// <summary>The grant a token carries, or null when it is tampered, expired, malformed or for another action.</summary>
    public Task<LinkGrant?> ValidateAsync(string? token, LinkAction expectedAction) => ValidateAsync(token, [expectedAction]);

    /// <summary>The grant a token carries when its action is one of <paramref name="allowedActions"/>; otherwise null.</summary>
    public async Task<LinkGrant?> ValidateAsync(string? token, IReadOnlyCollection<LinkAction> allowedActions)
    {
        ArgumentNullException.ThrowIfNull(allowedActions);
        if (await ReadAsync(token, audience: null).ConfigureAwait(false) is not { } jwt)
        {
            return null;
        }

        var expiresAt = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (EngagementId.TryParse(jwt.Subject, out var engagementId)
            && jwt.TryGetPayloadValue<string>(ActorClaim, out var actorText) && Enum.TryParse<Actor>(actorText, out var actor)
            && jwt.TryGetPayloadValue<string>(ActionClaim, out var actionText) && Enum.TryParse<LinkAction>(actionText, out var action)
            && allowedActions.Contains(action))
        {
            return new LinkGrant(engagementId, actor, action, expiresAt);
        }

        return null;
    }

    private string Create(string subject, Actor actor, LinkAction action, string? audience, TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, subject),
                new Claim(ActorClaim, actor.ToString()),
                new Claim(ActionClaim, action.ToString()),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// A token signed with our key, unexpired by the injected clock, and for <paramref name="audience"/> exactly
    /// (no audience for engagement links); otherwise null.
    /// </summary>
    private async Task<JsonWebToken?> ReadAsync(string? token, string? audience)
    {
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        }).ConfigureAwait(false);
        return result.IsValid && result.SecurityToken is JsonWebToken jwt
            && _clock.GetUtcNow() < new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)
            && (jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Aud, out var aud) ? aud : null) == audience
            ? jwt
            : null;
    }
}
