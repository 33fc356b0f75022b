using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>Encoding for everything that goes into a page or an HTML email: nothing a client typed is ever written raw.</summary>
public static class Html
{
    /// <summary>Escapes markup characters (&lt; &gt; &amp; quotes) but leaves letters like é or – readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);
}
