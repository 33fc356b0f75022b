using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachFlow.Infrastructure.RequestLogging;

/// <summary>
/// Request logs that never hold a link token. Every signed link carries its token in the path or the query, so a
/// request is logged by its route's name (<c>ShowAct</c>, <c>SubmitIntake</c>), method, status and duration, never by
/// its URL. ASP.NET Core's own lines that print the URL (request start, route matching) are kept below Warning
/// whatever the configuration asks.
/// </summary>
public static class RouteOnlyRequestLogging
{
    /// <summary>The categories whose Information, Debug and Trace lines print a request's URL.</summary>
    public static IReadOnlyList<string> UrlLoggingCategories { get; } = ["Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Routing.Matching"];

    /// <summary>Keeps URLs out of every host's logs: part of <c>AddCoachFlow</c>.</summary>
    public static IServiceCollection AddUrlFreeLogging(this IServiceCollection services) =>
        services.Configure<LoggerFilterOptions>(filters =>
        {
            foreach (var category in UrlLoggingCategories)
            {
                filters.AddFilter(category, LogLevel.Warning);
            }
        });

    /// <summary>One line per request, by route name, for a host with an ASP.NET Core pipeline.</summary>
    public static IServiceCollection AddRouteOnlyRequestLogging(this IServiceCollection services)
    {
        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        services.AddSingleton<IHttpLoggingInterceptor, RouteNameInterceptor>();
        return services;
    }

    public static IApplicationBuilder UseRouteOnlyRequestLogging(this IApplicationBuilder app) => app.UseHttpLogging();

    private sealed class RouteNameInterceptor : IHttpLoggingInterceptor
    {
        public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
        {
            // Never the path or query: they carry the tokens.
            logContext.LoggingFields &= ~(HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery);
            return ValueTask.CompletedTask;
        }

        public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
        {
            logContext.AddParameter("Route", logContext.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(none)");
            return ValueTask.CompletedTask;
        }
    }
}
