using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>The coaching agreement: the coach's terms, the client's goals, and the acceptance form.</summary>
public static class AgreementPage
{
    public const string AcceptField = "accept";
    public const string SignatureField = "signature";
    public const int MaxSignature = 200;

    public static ContentHttpResult Show(
        CoachProfileOptions coach,
        string token,
        Engagement engagement,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        var b = new StringBuilder();
        if (errors.Count > 0)
        {
            b.Append("<div class=\"summary\" role=\"alert\"><p><strong>Please check the highlighted answers.</strong></p></div>");
        }

        b.Append("<p>This agreement is between ").Append(Html.Encode(coach.Name)).Append(" (the coach) and ")
         .Append(Html.Encode(engagement.Intake.Name)).Append(" (the client). Please read it and ask about anything that is unclear before accepting.</p>")
         .Append("<h2>Your goals</h2><p class=\"prose\">").Append(Html.Encode(engagement.Intake.Goals)).Append("</p>");
        foreach (var (_, heading, text) in coach.AgreementTerms.Sections)
        {
            b.Append("<h2>").Append(Html.Encode(heading)).Append("</h2><p class=\"prose\">").Append(Html.Encode(text)).Append("</p>");
        }

        b.Append("<form method=\"post\" action=\"/agreement/").Append(Html.Encode(token)).Append("\"><h2>Acceptance</h2>");
        Field(b, AcceptField, errors);
        b.Append("<label class=\"choice\" for=\"accept\"><input type=\"checkbox\" id=\"accept\" name=\"accept\" value=\"yes\" required")
         .Append(values.GetValueOrDefault(AcceptField) == "yes" ? " checked" : string.Empty)
         .Append(errors.ContainsKey(AcceptField) ? " aria-invalid=\"true\" aria-describedby=\"accept-error\"" : string.Empty)
         .Append(">I have read this agreement and accept it.</label></div>");
        Field(b, SignatureField, errors);
        b.Append("<label for=\"signature\">Type your full name to sign</label>")
         .Append("<input type=\"text\" id=\"signature\" name=\"signature\" autocomplete=\"name\" required maxlength=\"").Append(MaxSignature).Append("\" value=\"")
         .Append(Html.Encode(values.GetValueOrDefault(SignatureField))).Append('"')
         .Append(errors.ContainsKey(SignatureField) ? " aria-invalid=\"true\" aria-describedby=\"signature-error\"" : string.Empty).Append("></div>")
         .Append("<button type=\"submit\">Accept the agreement</button></form>");
        return PageLayout.Page(coach, "Your coaching agreement", b.ToString(), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static ContentHttpResult Accepted(CoachProfileOptions coach, AgreementSignature signature, bool justNow)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(signature);
        var b = new StringBuilder(justNow
            ? $"<p>Thank you. Your agreement with {Html.Encode(coach.Name)} is accepted, and {Html.Encode(coach.Name)} will be in touch to arrange your first session.</p>"
            : "<p>You have already accepted this agreement; nothing has changed.</p>");
        b.Append("<p>Signed &ldquo;").Append(Html.Encode(signature.SignedName)).Append("&rdquo; at ")
         .Append(Html.Encode(signature.At.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))).Append(".</p>");
        return PageLayout.Page(coach, justNow ? "Welcome aboard" : "Already accepted", b.ToString());
    }

    private static void Field(StringBuilder b, string name, IReadOnlyDictionary<string, string> errors)
    {
        b.Append("<div class=\"field\">");
        if (errors.TryGetValue(name, out var error))
        {
            b.Append("<p class=\"error\" id=\"").Append(name).Append("-error\">").Append(Html.Encode(error)).Append("</p>");
        }
    }
}
