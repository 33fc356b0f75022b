using System.Globalization;
using System.Text;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.DevTools;

/// <summary><c>GET /dev/outbox</c>: the emails the local host "sent", as a page or as JSON.</summary>
internal static class DevOutboxApi
{
    public static IEndpointRouteBuilder MapDevOutboxApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/dev/outbox", ListAsync);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxEmail>>, ContentHttpResult>> ListAsync(
        HttpRequest request,
        OutboxStore outbox,
        IOptions<CoachFlowOptions> options,
        CancellationToken cancellationToken)
    {
        var emails = await outbox.ListAsync(cancellationToken).ConfigureAwait(false);
        var wantsJson = request.AcceptsMediaType("application/json");
        return wantsJson ? TypedResults.Ok(emails) : PageLayout.Page(options.Value.Coach, "Dev outbox", Render(emails));
    }

    private static string Render(IReadOnlyList<OutboxEmail> emails)
    {
        if (emails.Count == 0)
        {
            return "<p>No emails yet. Submit the <a href=\"/intake\">intake form</a> and they will appear here.</p>";
        }

        var b = new StringBuilder("<p>Emails this local host has sent, newest first, shown as the recipient sees them. Links work as they would in a real inbox.</p>");
        var index = 0;
        foreach (var email in emails)
        {
            index++;
            b.Append("<article class=\"field\" aria-labelledby=\"email-").Append(index).Append("\"><h2 id=\"email-").Append(index).Append("\">")
             .Append(Html.Encode(email.Subject)).Append("</h2><p class=\"hint\">To ")
             .Append(Html.Encode(email.To)).Append(" · ").Append(Html.Encode(email.SentAt.ToString("u", CultureInfo.InvariantCulture)));
            foreach (var attachment in email.Attachments)
            {
                b.Append(" · attached: ").Append(Html.Encode(attachment.FileName));
            }

            b.Append("</p>");
            if (email.Links.Count > 0)
            {
                b.Append("<ul>");
                foreach (var link in email.Links)
                {
                    b.Append("<li><a href=\"").Append(Html.Encode(link.Url.ToString())).Append("\">").Append(Html.Encode(link.Label)).Append("</a></li>");
                }

                b.Append("</ul>");
            }

            // The email's own HTML, isolated in a sandboxed frame exactly as a mail client would show it.
            b.Append("<iframe sandbox=\"allow-popups allow-top-navigation-by-user-activation\" title=\"").Append(Html.Encode($"Preview: {email.Subject}"))
             .Append("\" style=\"width:100%;height:28rem;border:1px solid #d9dee3;border-radius:.4rem;background:#fff\" srcdoc=\"")
             .Append(Html.Encode(email.Html)).Append("\"></iframe>")
             .Append("<details><summary>Plain-text part</summary><pre style=\"white-space: pre-wrap\">").Append(Html.Encode(email.Text)).Append("</pre></details></article>");
        }

        return b.ToString();
    }
}
