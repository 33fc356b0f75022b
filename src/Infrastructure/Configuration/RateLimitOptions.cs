namespace CoachFlow.Infrastructure.Configuration;

/// <summary>How often one client address may submit the intake form and click a link's button (<c>CoachFlow:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Intake submissions per client address per minute.</summary>
    public int IntakePerMinute { get; set; } = 10;

    /// <summary>POSTs to emailed links (act, book, reflect, agreement, data) per client address per minute.</summary>
    public int LinkPostsPerMinute { get; set; } = 30;

    /// <summary>The coach's sign-in requests and sign-in link uses together, per client address per minute: failed and repeated tries stop here.</summary>
    public int SignInsPerMinute { get; set; } = 5;

    /// <summary>
    /// The header a trusted proxy appends the client's address to (<c>X-Forwarded-For</c> behind Azure's front ends),
    /// or empty to use the connection's address. Its last entry is used, since clients can send the header too.
    /// </summary>
    public string? ClientAddressHeader { get; set; }
}
