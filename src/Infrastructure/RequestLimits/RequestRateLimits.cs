using System.Globalization;
using System.Threading.RateLimiting;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Intake;
using CoachFlow.Infrastructure.Pages;
using CoachFlow.Infrastructure.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.RequestLimits;

/// <summary>
/// Abuse limits per client address, with ASP.NET Core's rate limiter: intake submissions, and the POSTs behind
/// emailed links. A refused request gets <c>429</c> with <c>Retry-After</c>, as problem+json or a readable page.
/// </summary>
public static class RequestRateLimits
{
    public const string IntakePolicy = "intake";
    public const string LinkPostPolicy = "link-posts";
    public const string SignInPolicy = "sign-in";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The policy a route is limited by, if any.</summary>
    public static string? PolicyFor(CoachFlowRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Name == IntakeApi.SubmitRoute ? IntakePolicy
            : route.Name is WorkspaceApi.RequestSignInRoute or WorkspaceApi.SignInRoute ? SignInPolicy
            : route.Method == HttpMethods.Post && route.Pattern.Contains("{token}", StringComparison.Ordinal) ? LinkPostPolicy
            : null;
    }

    public static IServiceCollection AddCoachFlowRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(IntakePolicy, context => PerClient(context, limits => limits.IntakePerMinute));
            limiter.AddPolicy(LinkPostPolicy, context => PerClient(context, limits => limits.LinkPostsPerMinute));
            limiter.AddPolicy(SignInPolicy, context => PerClient(context, limits => limits.SignInsPerMinute));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ErrorPages.RespondAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
            };
        });

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<CoachFlowOptions>>().Value.RateLimits;
        return RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress(context, limits.ClientAddressHeader),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits(limits), Window = Window, QueueLimit = 0 });
    }

    private static string ClientAddress(HttpContext context, string? header)
    {
        if (!string.IsNullOrEmpty(header) && context.Request.Headers[header].ToString() is { Length: > 0 } forwarded)
        {
            // The last entry is the one the trusted proxy appended (earlier ones are whatever the client sent);
            // Azure's front ends write "address:port".
            var last = forwarded.Split(',')[^1].Trim();
            return last.Count(c => c == ':') == 1 ? last[..last.IndexOf(':', StringComparison.Ordinal)] : last;
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
