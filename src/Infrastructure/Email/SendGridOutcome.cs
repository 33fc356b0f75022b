using System.Net;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// What an answer to <c>POST /v3/mail/send</c>, or the lack of one, says about the email. The send is
/// not idempotent, so the question is always whether SendGrid may have taken it: only answers that
/// prove it did not (429, 408, most 5xx, a connection never made) are <see cref="EmailFailure.Unavailable"/>,
/// the one kind that the HttpClient and the activity retry.
/// </summary>
public static class SendGridOutcome
{
    /// <summary>Null when SendGrid took the email (2xx).</summary>
    public static EmailFailure? Of(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => null,
        (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout => EmailFailure.Unavailable,

        // A gateway gave up waiting for SendGrid's own servers, which may still have taken the email.
        (int)HttpStatusCode.GatewayTimeout => EmailFailure.Unconfirmed,
        >= 500 => EmailFailure.Unavailable,

        // 400 (an address or field it will not take), 401 and 403 (the key), 413 (too large): the same
        // request gets the same answer. So does anything else unexpected.
        _ => EmailFailure.Rejected,
    };

    /// <summary>Null for an exception that says nothing about delivery (a bug, the caller's own cancellation).</summary>
    public static EmailFailure? Of(Exception exception) => exception switch
    {
        // The attempt's timeout fires only once connected (the connect timeout is shorter), so the request
        // was on its way or already there.
        TimeoutRejectedException => EmailFailure.Unconfirmed,

        // Failed before a byte of the request was written.
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError }
            => EmailFailure.Unavailable,

        // The connection broke after the request went out, or the answer made no sense.
        HttpRequestException => EmailFailure.Unconfirmed,

        // Never left the process: the circuit is open or too many sends are in flight.
        BrokenCircuitException or RateLimiterRejectedException => EmailFailure.Unavailable,

        // The HttpClient's own timeout is off (SendGridHttpClient), so a cancellation that is not the
        // caller's is the connect timeout.
        OperationCanceledException => EmailFailure.Unavailable,
        _ => null,
    };
}
