using System.Net;

namespace CoachFlow.Tests.Email;

/// <summary>
/// How the fake SendGrid answers one call. <see cref="Accepts"/>: it keeps the mail (SendGrid queued it)
/// whatever happens to the answer afterwards: a slow answer or a dropped connection can hide that.
/// </summary>
public sealed record SendGridReply(HttpStatusCode Status, bool Accepts, TimeSpan Delay = default, TimeSpan? RetryAfter = null, bool DropsConnection = false)
{
    public static SendGridReply Accept { get; } = new(HttpStatusCode.Accepted, Accepts: true);

    /// <summary>Refuses with <paramref name="status"/> and SendGrid's error body, asking to wait <paramref name="retryAfter"/> if given.</summary>
    public static SendGridReply Refuse(HttpStatusCode status, TimeSpan? retryAfter = null) => new(status, Accepts: false, RetryAfter: retryAfter);

    /// <summary>Takes the mail, then answers 202 only after <paramref name="delay"/>: longer than the client waits, it looks like a timeout.</summary>
    public static SendGridReply SlowAccept(TimeSpan delay) => new(HttpStatusCode.Accepted, Accepts: true, Delay: delay);

    /// <summary>Takes the mail, then closes the connection without an answer.</summary>
    public static SendGridReply AcceptAndDrop { get; } = new(HttpStatusCode.Accepted, Accepts: true, DropsConnection: true);
}
