using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// The HttpClient <see cref="SendGridEmailSender"/> sends through, and the one place its quick retries
/// are decided: the standard resilience handler rides out a blip of a few seconds; a longer outage
/// fails the activity, whose own retry policy (<c>CoachFlow:Workflow:ActivityRetry</c>) comes back
/// minutes later. The handler retries only what proves SendGrid did not take the email
/// (<see cref="SendGridOutcome"/>): never a timed-out attempt, which may have sent it.
/// </summary>
public static class SendGridHttpClient
{
    public const string Name = nameof(SendGridEmailSender);

    /// <summary>Three attempts in all within one send.</summary>
    public const int MaxRetryAttempts = 2;

    /// <summary>The longest wait between the handler's attempts; SendGrid asking for a longer one (Retry-After) is left to the activity's retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddSendGridHttpClient(this IServiceCollection services)
    {
        // The HttpClient's own timeout (100 s) is off: the pipeline's timeouts say which phase ran out,
        // which decides whether the email may have gone.
        services.AddHttpClient(Name, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = Email(sp).SendGridAttemptTimeout / 2,

                // The sender keeps one client for the app's life, so the factory never rotates this
                // handler: fresh connections now and then follow SendGrid's DNS.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddStandardResilienceHandler()
            .Configure((options, sp) => Configure(options, Email(sp)));
        return services;
    }

    private static void Configure(HttpStandardResilienceOptions options, EmailOptions email)
    {
        var attempt = email.SendGridAttemptTimeout;
        options.AttemptTimeout.Timeout = attempt;
        options.Retry.MaxRetryAttempts = MaxRetryAttempts;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.Delay = email.SendGridRetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(!args.Context.CancellationToken.IsCancellationRequested && IsSafeToRetry(args.Outcome));

        // A backstop that never cuts an attempt short: every attempt and every wait fit inside it, so a
        // timeout is always one attempt's (an email that may have gone), never a wait's.
        options.TotalRequestTimeout.Timeout = (attempt * (MaxRetryAttempts + 2)) + (MaxRetryDelay * MaxRetryAttempts);

        // The breaker must sample at least two attempts' worth (the handler's own rule).
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(options.CircuitBreaker.SamplingDuration.Ticks, 2 * attempt.Ticks));
    }

    private static bool IsSafeToRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        // Retrying these would only meet the open circuit or the full queue again at once.
        { Exception: BrokenCircuitException or RateLimiterRejectedException } => false,
        { Exception: { } e } => SendGridOutcome.Of(e) == EmailFailure.Unavailable,
        { Result: { } response } => SendGridOutcome.Of(response.StatusCode) == EmailFailure.Unavailable && WaitAsked(response) <= MaxRetryDelay,
        _ => false,
    };

    private static TimeSpan WaitAsked(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => TimeSpan.Zero,
    };

    private static EmailOptions Email(IServiceProvider services) => services.GetRequiredService<IOptions<CoachFlowOptions>>().Value.Email;
}
