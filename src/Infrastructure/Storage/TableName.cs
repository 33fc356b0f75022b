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

    public static readonly IReadOnlyList<string> All = [Engagements, EngagementTimeline, SlotReservations, IntakeKeys, Outbox, Erasures];
}
