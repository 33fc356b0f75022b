using System.Security.Cryptography;
using System.Text;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Intake;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace CoachFlow.Infrastructure.BrowserSecurity;

/// <summary>
/// The browser security headers of every response, chosen by what the response is:
/// <list type="bullet">
/// <item>everything: <c>nosniff</c>; <c>Referrer-Policy: no-referrer</c>, because our URLs carry link tokens and
/// pages link out to meeting providers; a Content-Security-Policy that allows only the pages' one inline style
/// sheet and nothing else (no script, no frames, forms post only to us); HSTS outside Development;</item>
/// <item>the intake form and its thank-you page: embeddable by the coach's own sites
/// (<c>CoachFlow:Intake:EmbedOrigins</c>) and nothing else, and its one time-zone script, allowed by hash;</item>
/// <item>every other page and API: embeddable by nobody;</item>
/// <item>the local host's <c>/dev</c> pages: the dev outbox shows emails as their recipients see them, inline styles included.</item>
/// </list>
/// </summary>
public sealed class SecurityHeaderPolicies
{
    private const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    private static readonly HashSet<string> EmbeddableRoutes = new(StringComparer.Ordinal)
    {
        IntakeApi.ShowFormRoute,
        IntakeApi.ShowThanksRoute,
        IntakeApi.SubmitRoute,
    };

    private readonly HeaderPolicyCollection _page;
    private readonly HeaderPolicyCollection _intake;
    private readonly HeaderPolicyCollection _devTools;

    public SecurityHeaderPolicies(IOptions<CoachFlowOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var coach = options.Value.Coach;
        var intake = options.Value.Intake;
        var https = !environment.IsDevelopment();
        var styleHash = Sha256(PageStyles.StyleSheet(coach));
        var photoOrigin = Origin(coach.PhotoUrl);

        _page = Common(https).AddContentSecurityPolicy(csp =>
        {
            Pages(csp, styleHash, photoOrigin);
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        }).AddFrameOptionsDeny();

        _intake = Common(https).AddContentSecurityPolicy(csp =>
        {
            Pages(csp, styleHash, photoOrigin);
            csp.AddScriptSrc().WithHash256(Sha256(IntakePage.TimeZoneScript(coach)));
            var formAction = csp.AddFormAction().Self();
            if (Origin(intake.ThankYouRedirectUrl) is { } thanks)
            {
                formAction.From(thanks);
            }

            var ancestors = csp.AddFrameAncestors();
            if (intake.EmbedOrigins.Count == 0)
            {
                ancestors.None();
            }

            foreach (var origin in intake.EmbedOrigins)
            {
                ancestors.From(origin);
            }
        });

        _devTools = Common(https).AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddBaseUri().None();
            csp.AddStyleSrc().UnsafeInline();
            csp.AddImgSrc().Self().From("https:").Data();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        }).AddFrameOptionsDeny();
    }

    /// <summary>The policy for a response to the route named <paramref name="routeName"/> (null when none matched).</summary>
    public IReadOnlyHeaderPolicyCollection For(string? routeName, PathString path) =>
        routeName is not null && EmbeddableRoutes.Contains(routeName) ? _intake
        : path.StartsWithSegments("/dev", StringComparison.OrdinalIgnoreCase) ? _devTools
        : _page;

    private static HeaderPolicyCollection Common(bool https)
    {
        var policy = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyNoReferrer()
            .AddPermissionsPolicyWithDefaultSecureDirectives();

        // Set regardless of the request's scheme: behind Azure's front ends the worker sees plain HTTP.
        return https ? policy.AddCustomHeader("Strict-Transport-Security", $"max-age={HstsMaxAgeSeconds}; includeSubDomains") : policy;
    }

    private static void Pages(CspBuilder csp, string styleHash, string? photoOrigin)
    {
        csp.AddDefaultSrc().None();
        csp.AddBaseUri().None();
        csp.AddStyleSrc().WithHash256(styleHash);
        var images = csp.AddImgSrc().Self();
        if (photoOrigin is not null)
        {
            images.From(photoOrigin);
        }
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
