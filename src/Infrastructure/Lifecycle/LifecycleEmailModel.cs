using CoachFlow.Infrastructure.Email;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>
/// What the lifecycle templates may show. Each email fills the parts it needs; <see cref="When"/>
/// and <see cref="Until"/> are already written in the recipient's time zone.
/// </summary>
public sealed record LifecycleEmailModel(EmailCoach Coach, string ClientName)
{
    public string? ClientEmail { get; init; }
    public string? ClientTimeZone { get; init; }
    public string? Goals { get; init; }
    public IReadOnlyList<string> FocusAreas { get; init; } = [];
    public string? HeardFrom { get; init; }
    public string? TherapyAnswer { get; init; }
    public string? TherapyNote { get; init; }
    public bool OutsideFocus { get; init; }
    public bool AutoInvite { get; init; }
    public string? When { get; init; }
    public string? Until { get; init; }
    public string? WaitingIn { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> Referrals { get; init; } = [];
    public string? DecidedBy { get; init; }
    public IReadOnlyList<ReflectionLine> CoachReflection { get; init; } = [];
    public IReadOnlyList<ReflectionLine> ClientReflection { get; init; } = [];
    public string? ClientNote { get; init; }
    public string? SignedName { get; init; }
    public string? SignedAt { get; init; }
    public Uri? InviteUrl { get; init; }
    public Uri? DeclineUrl { get; init; }
    public Uri? BookUrl { get; init; }
    public Uri? JoinUrl { get; init; }
    public Uri? ReflectUrl { get; init; }
    public Uri? AgreementUrl { get; init; }
    public Uri? StatusUrl { get; init; }
    public Uri? HeldUrl { get; init; }
    public Uri? NoShowUrl { get; init; }
    public string? FailedStep { get; init; }

    /// <summary>The failed step was refused outright (not retried), not out of retries.</summary>
    public bool Refused { get; init; }
    public Uri? DataUrl { get; init; }
}
