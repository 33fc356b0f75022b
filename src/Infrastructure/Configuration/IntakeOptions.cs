namespace CoachFlow.Infrastructure.Configuration;

public sealed class IntakeOptions
{
    /// <summary>Where a browser goes after submitting the form; CoachFlow's own thank-you page when empty.</summary>
    public string? ThankYouRedirectUrl { get; set; }

    /// <summary>
    /// The origins (scheme, host and port) of the coach's sites that may show the intake form in a frame; no other
    /// site may frame it, and no site may frame any other page.
    /// </summary>
    public IList<string> EmbedOrigins { get; } = [];
}
