using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachFlow.Tests.Links;

public sealed class LinkSignerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly EngagementId _id = EngagementIds.New();

    private LinkSigner Signer(string key = "test-signing-key-of-at-least-32-chars!") =>
        new(Options.Create(new CoachFlowOptions { LinkSigningKey = key }), _clock);

    [Fact]
    public async Task A_token_carries_engagement_actor_action_and_expiry()
    {
        var token = Signer().Issue(_id, Actor.Coach, LinkAction.ViewStatus, TimeSpan.FromDays(2));

        var grant = await Signer().ValidateAsync(token, LinkAction.ViewStatus);

        Assert.Equal(new LinkGrant(_id, Actor.Coach, LinkAction.ViewStatus, _clock.GetUtcNow() + TimeSpan.FromDays(2)), grant);
    }

    [Fact]
    public async Task A_token_expires_by_the_injected_clock()
    {
        var token = Signer().Issue(_id, Actor.Client, LinkAction.ViewStatus, TimeSpan.FromHours(1));

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(await Signer().ValidateAsync(token, LinkAction.ViewStatus));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Signer().ValidateAsync(token, LinkAction.ViewStatus));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var token = Signer("another-key-that-is-also-32-characters-long").Issue(_id, Actor.Client, LinkAction.ViewStatus, TimeSpan.FromDays(1));

        Assert.Null(await Signer().ValidateAsync(token, LinkAction.ViewStatus));
    }

    [Fact]
    public async Task A_token_with_an_edited_payload_is_refused()
    {
        var token = Signer().Issue(_id, Actor.Client, LinkAction.ViewStatus, TimeSpan.FromDays(1));
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        var forged = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.Replace("Client", "Coach", StringComparison.Ordinal));

        Assert.Null(await Signer().ValidateAsync($"{parts[0]}.{forged}.{parts[2]}", LinkAction.ViewStatus));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task Garbage_is_refused(string? token) =>
        Assert.Null(await Signer().ValidateAsync(token, LinkAction.ViewStatus));
}
