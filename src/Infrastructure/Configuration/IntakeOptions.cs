namespace CoachFlow.Infrastructure.Configuration;

public sealed class IntakeOptions
{
    /// <summary>Where a browser goes after submitting the form; CoachFlow's own thank-you page when empty.</summary>
    public string? ThankYouRedirectUrl { get; set; }
}
