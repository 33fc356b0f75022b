using System.Text.Encodings.Web;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>Encoding for everything that goes into a page: nothing a client typed is ever written raw.</summary>
public static class Html
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);
}
