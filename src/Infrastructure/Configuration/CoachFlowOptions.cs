namespace CoachFlow.Infrastructure.Configuration;

/// <summary>
/// Everything a deployment configures, under <c>CoachFlow:</c> locally and <c>CoachFlow__</c> as
/// app settings (DESIGN §2.4). Checked at start-up by <see cref="CoachFlowOptionsValidator"/>.
/// </summary>
public sealed class CoachFlowOptions
{
    public const string SectionName = "CoachFlow";

    /// <summary>The address clients reach CoachFlow on; every link in an email starts with it.</summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>The HMAC key for signed links; at least 32 characters (Key Vault in Azure).</summary>
    public string LinkSigningKey { get; set; } = string.Empty;

    /// <summary>Skip coach triage and invite every client to a chemistry session.</summary>
    public bool AutoInvite { get; set; }

    public CoachProfileOptions Coach { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public DurationOptions Durations { get; set; } = new();

    public WorkflowOptions Workflow { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public IntakeOptions Intake { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();
}
