using System.Collections.Concurrent;
using CoachFlow.Infrastructure.Email;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// Sends through the app's own sender (the dev outbox, so its storage writes are counted as the app's)
/// and keeps a copy in memory per engagement: the benchmark's clients follow links without reading storage.
/// </summary>
internal sealed class CapturedEmails(IEmailSender inner) : IEmailSender
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<EmailMessage>> _byEngagement = new(StringComparer.Ordinal);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
        _byEngagement.GetOrAdd(message.EngagementId ?? string.Empty, _ => new ConcurrentQueue<EmailMessage>()).Enqueue(message);
    }

    /// <summary>The path and query of the link labelled <paramref name="label"/> in the first email to <paramref name="to"/> that has one.</summary>
    public async Task<string> LinkAsync(string engagementId, string to, string label, CancellationToken cancellationToken)
    {
        var email = await EmailAsync(engagementId, e => e.To == to && e.Links.Any(l => l.Label == label), cancellationToken).ConfigureAwait(false);
        return email.Links.First(l => l.Label == label).Url.PathAndQuery;
    }

    public async Task<EmailMessage> EmailAsync(string engagementId, Func<EmailMessage, bool> which, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_byEngagement.TryGetValue(engagementId, out var emails) && emails.FirstOrDefault(which) is { } email)
            {
                return email;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    public int Count(Func<EmailMessage, bool> which) => _byEngagement.Values.Sum(emails => emails.Count(which));

    /// <summary>Forgets an engagement's emails once its client is done with them.</summary>
    public void Forget(string engagementId) => _byEngagement.TryRemove(engagementId, out _);
}
