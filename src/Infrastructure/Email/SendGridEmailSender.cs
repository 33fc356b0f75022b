using System.Net;
using System.Text;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Sends through SendGrid. Throttling (429) and server errors (5xx) are retried with exponential
/// backoff, honouring Retry-After; any other refusal throws <see cref="EmailDeliveryException"/> at
/// once, so the activity fails and the failure shows in the workflow's status.
/// </summary>
public sealed class SendGridEmailSender : IEmailSender
{
    public const int MaxAttempts = 5;

    private readonly SendGridClient _client;
    private readonly EmailAddress _from;
    private readonly TimeSpan _firstRetryDelay;

    public SendGridEmailSender(HttpClient http, IOptions<CoachFlowOptions> options, TimeSpan? firstRetryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var email = options.Value.Email;
        _client = new SendGridClient(http, email.SendGridApiKey ?? throw new InvalidOperationException("CoachFlow:Email:SendGridApiKey is required for SendGrid."));
        _from = new EmailAddress(email.SenderAddress, email.SenderName ?? options.Value.Coach.Name);
        _firstRetryDelay = firstRetryDelay ?? TimeSpan.FromSeconds(1);
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = MailHelper.CreateSingleEmail(_from, new EmailAddress(message.To), message.Subject, message.Text, message.Html);
        foreach (var attachment in message.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(Encoding.UTF8.GetBytes(attachment.Content)), attachment.ContentType);
        }

        for (var attempt = 1; ; attempt++)
        {
            var response = await _client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = (int)response.StatusCode;
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
            if (!transient || attempt == MaxAttempts)
            {
                // The body says why (bad key, invalid address); it names no recipient data of ours beyond what we sent.
                var detail = response.Body is null ? string.Empty : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new EmailDeliveryException($"SendGrid refused the email with {status} after {attempt} attempt(s): {Truncate(detail)}");
            }

            var retryAfter = response.Headers?.RetryAfter?.Delta;
            var backoff = _firstRetryDelay * Math.Pow(2, attempt - 1);
            await Task.Delay(retryAfter > backoff ? retryAfter.Value : backoff, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
