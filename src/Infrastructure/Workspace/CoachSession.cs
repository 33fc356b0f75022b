using System.Security.Claims;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Storage;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>
/// The coach's signed-in session, with ASP.NET Core's cookie authentication: an HttpOnly, SameSite=Strict cookie
/// (Secure outside Development, whatever scheme the worker sees) whose ticket expires after <see cref="IdleTimeout"/> without use (sliding), and
/// antiforgery tokens on every workspace form. The workspace's handlers ask for both themselves, so the local host
/// and the Functions app, whose routes run behind different pipelines, check them the same way.
/// </summary>
public static class CoachSession
{
    public const string Scheme = "CoachFlowCoach";
    public const string CookieName = "coachflow-coach";
    public const string AntiforgeryCookieName = "coachflow-antiforgery";
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static IServiceCollection AddCoachSession(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CoachFlow");
        services.AddOptions<KeyManagementOptions>().Configure<CoachFlowTables>((keys, tables) => keys.XmlRepository = new TableXmlRepository(tables));
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/coach";
            cookie.ExpireTimeSpan = IdleTimeout;
            cookie.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IHostEnvironment>((cookie, environment) => cookie.Cookie.SecurePolicy = Secure(environment));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;

            // Secure when the request is: antiforgery refuses to work at all when told "always" and the request looks like
            // plain HTTP, as it does to a worker behind Azure's front ends. The cookie is half a token pair bound to the
            // session, and HSTS keeps browsers on HTTPS.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.Path = "/coach";
            antiforgery.FormFieldName = AntiforgeryField;

            // The security headers already forbid framing (DENY); a second X-Frame-Options value would contradict it.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        return services;
    }

    /// <summary>True when the request carries a live session; it becomes the request's user, so antiforgery tokens are bound to it.</summary>
    public static async Task<bool> IsSignedInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return false;
        }

        context.User = result.Principal;
        return true;
    }

    public static async Task SignInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var coach = context.RequestServices.GetRequiredService<IOptions<CoachFlowOptions>>().Value.Coach;
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, coach.Email)], Scheme, ClaimTypes.Email, ClaimTypes.Role));
        await context.SignInAsync(Scheme, principal).ConfigureAwait(false);
        context.User = principal;
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The form token for the request's user (setting its cookie), for a page about to be rendered.</summary>
    public static AntiforgeryTokenSet FormToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
    }

    /// <summary>False for a form post without a valid token: a cross-site request, or a stale page.</summary>
    public static Task<bool> IsFormGenuineAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    private static CookieSecurePolicy Secure(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
