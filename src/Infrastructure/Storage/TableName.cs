namespace CoachFlow.Infrastructure.Storage;

/// <summary>The tables CoachFlow owns (before the configured prefix is applied).</summary>
public static class TableName
{
    public const string Engagements = "Engagements";
    public const string EngagementTimeline = "EngagementTimeline";
    public const string SlotReservations = "SlotReservations";
    public const string IntakeKeys = "IntakeKeys";
    public const string Outbox = "Outbox";
    public const string Erasures = "Erasures";

    /// <summary>The coach's used sign-in links (their nonces), so each link signs in once.</summary>
    public const string CoachSignIns = "CoachSignIns";

    /// <summary>ASP.NET Core Data Protection's keys (the coach's session cookie, form tokens), shared by every instance.</summary>
    public const string DataProtectionKeys = "DataProtectionKeys";

    public static readonly IReadOnlyList<string> All = [Engagements, EngagementTimeline, SlotReservations, IntakeKeys, Outbox, Erasures, CoachSignIns, DataProtectionKeys];
}
