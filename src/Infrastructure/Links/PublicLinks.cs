using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Links;

/// <summary>Builds the absolute, signed URLs CoachFlow hands out, rooted at the configured public base URL.</summary>
public sealed class PublicLinks(IOptions<CoachFlowOptions> options, LinkSigner signer)
{
    /// <summary>Status links outlive the whole lifecycle (weeks of waits), with room to spare.</summary>
    public static readonly TimeSpan StatusLinkLifetime = TimeSpan.FromDays(180);

    private readonly string _baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');

    public Uri Status(EngagementId id)
    {
        var token = signer.Issue(id, Actor.Client, LinkAction.ViewStatus, StatusLinkLifetime);
        return new Uri($"{_baseUrl}/api/engagements/{id.Value}/status?token={Uri.EscapeDataString(token)}");
    }
}
