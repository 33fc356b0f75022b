using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// The encoder the HTML emails' Liquid templates write every value through: nothing a client typed is ever written raw.
/// (Pages are Razor components, encoded by the renderer with the same settings.)
/// </summary>
public static class Html
{
    /// <summary>Escapes markup characters (&lt; &gt; &amp; quotes) but leaves letters like é or – readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
