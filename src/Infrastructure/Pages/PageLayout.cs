using System.Text;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>The frame every person-facing page shares: the coach's name and accent, readable on a phone.</summary>
public static class PageLayout
{
    private const string Styles = """
        :root { --accent: ACCENT; --ink: #1f2933; --muted: #52606d; --bad: #b42318; --paper: #fbfaf7; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
        header { background: var(--accent); color: #fff; padding: 1rem 1.25rem; }
        header { display: flex; align-items: center; gap: .75rem; }
        header img { width: 2.5rem; height: 2.5rem; border-radius: 50%; object-fit: cover; border: 2px solid #fff; }
        header p { margin: 0; font-weight: 600; letter-spacing: .01em; }
        .slots { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        .stage { font-size: 1.25rem; font-weight: 600; }
        main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
        a { color: var(--accent); }
        label, legend { font-weight: 600; display: block; margin-bottom: .25rem; }
        .field { margin: 0 0 1.25rem; }
        .hint { color: var(--muted); font-size: .95rem; margin: 0 0 .35rem; }
        input[type=text], input[type=email], textarea, select { width: 100%; padding: .6rem .7rem; font: inherit; border: 1px solid #9aa5b1; border-radius: .4rem; background: #fff; }
        textarea { min-height: 7rem; }
        fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
        .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .3rem 0; font-weight: 400; }
        .choice input { margin-top: .35rem; }
        .error { color: var(--bad); font-weight: 600; margin: .25rem 0; }
        [aria-invalid=true] { border-color: var(--bad); }
        .summary { border: 2px solid var(--bad); border-radius: .4rem; padding: .75rem 1rem; margin-bottom: 1.5rem; }
        button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: .4rem; padding: .7rem 1.4rem; cursor: pointer; }
        button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid #f5b700; outline-offset: 2px; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #d9dee3; vertical-align: top; }
        .prose { white-space: pre-wrap; }
        """;

    /// <summary>The pages' one style sheet, inline; the Content-Security-Policy allows it by its hash.</summary>
    public static string StyleSheet(CoachProfileOptions coach)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return Styles.Replace("ACCENT", coach.AccentColor, StringComparison.Ordinal);
    }

    /// <summary>The one answer to a tampered, expired or mistaken link: it never says whether the engagement exists.</summary>
    public static ContentHttpResult InvalidLink(CoachProfileOptions coach) => Page(
        coach,
        "This link can't be used",
        "<p>This link is not valid or has expired. Please use the latest link in your email, or reply to it and we will help.</p>",
        StatusCodes.Status404NotFound);

    public static ContentHttpResult Page(CoachProfileOptions coach, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.Encode(title)).Append(" · ").Append(Html.Encode(coach.Name)).Append("</title>")
            .Append("<style>").Append(StyleSheet(coach)).Append("</style></head><body>")
            .Append("<header>")
            .Append(coach.PhotoUrl is null ? string.Empty : $"<img src=\"{Html.Encode(coach.PhotoUrl)}\" alt=\"\">")
            .Append("<p>").Append(Html.Encode(coach.Name)).Append("</p></header>")
            .Append("<main id=\"main\"><h1>").Append(Html.Encode(title)).Append("</h1>")
            .Append(body)
            .Append("</main></body></html>")
            .ToString();
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
