using System.Globalization;
using System.Text;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Sends through SendGrid: one call, one send, through <see cref="SendGridHttpClient"/>, whose handler
/// alone retries within the call. Whatever is left throws <see cref="EmailDeliveryException"/> saying
/// whether sending again is safe, useless or risky; <see cref="EngagementMailer"/> acts on that.
/// </summary>
public sealed class SendGridEmailSender : IEmailSender
{
    private readonly SendGridClient _client;
    private readonly EmailAddress _from;

    public SendGridEmailSender(HttpClient http, IOptions<CoachFlowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var email = options.Value.Email;
        _client = new SendGridClient(http, new SendGridClientOptions
        {
            ApiKey = email.SendGridApiKey ?? throw new InvalidOperationException("CoachFlow:Email:SendGridApiKey is required for SendGrid."),
            Host = email.SendGridBaseUrl,
        });
        _from = new EmailAddress(email.SenderAddress, email.SenderName ?? options.Value.Coach.Name);
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = MailHelper.CreateSingleEmail(_from, new EmailAddress(message.To), message.Subject, message.Text, message.Html);
        foreach (var attachment in message.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(Encoding.UTF8.GetBytes(attachment.Content)), attachment.ContentType);
        }

        Response response;
        try
        {
            response = await _client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SendGridOutcome.Of(e) is { } failure)
        {
            throw new EmailDeliveryException(failure, Describe(failure, $"{e.GetType().Name}: {e.Message}"), e);
        }

        if (SendGridOutcome.Of(response.StatusCode) is { } refused)
        {
            var body = response.Body is null ? null : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new EmailDeliveryException(refused, Describe(refused, string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.StatusCode}{SendGridErrors.Describe(body)}")));
        }
    }

    private static string Describe(EmailFailure failure, string what) => failure switch
    {
        EmailFailure.Unavailable => $"SendGrid did not take the email ({what}); sending it again later is safe.",
        EmailFailure.Rejected => $"SendGrid refused the email ({what}); sending it again will not help.",
        _ => $"SendGrid did not confirm the email ({what}); it may have been sent.",
    };
}
