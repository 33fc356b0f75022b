using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>The <c>Engagements</c> row: one partition per engagement, so erasure is one partition.</summary>
public sealed class EngagementEntity : ITableEntity
{
    public const string RowKeyValue = "engagement";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = RowKeyValue;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Stage { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string TimeZone { get; set; } = string.Empty;
    public string Goals { get; set; } = string.Empty;
    public string FocusAreas { get; set; } = "[]";
    public string SeeingMentalHealthProfessional { get; set; } = string.Empty;
    public string? MentalHealthNote { get; set; }
    public string? HeardFrom { get; set; }
    public DateTimeOffset? ChemistryStart { get; set; }
    public DateTimeOffset? ChemistryEnd { get; set; }
    public int ChemistrySequence { get; set; }
    public bool ChemistryCancelled { get; set; }
    public bool ChemistryMissed { get; set; }
    public bool ChemistryMoved { get; set; }

    public static EngagementEntity From(Engagement engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var intake = engagement.Intake;
        return new EngagementEntity
        {
            PartitionKey = engagement.Id.Value,
            Stage = engagement.Stage.ToString(),
            CreatedAt = engagement.CreatedAt,
            UpdatedAt = engagement.UpdatedAt,
            Name = intake.Name,
            Email = intake.Email,
            TimeZone = intake.TimeZone,
            Goals = intake.Goals,
            FocusAreas = JsonSerializer.Serialize(intake.FocusAreas),
            SeeingMentalHealthProfessional = intake.SeeingMentalHealthProfessional.ToString(),
            MentalHealthNote = intake.MentalHealthNote,
            HeardFrom = intake.HeardFrom,
            ChemistryStart = engagement.Chemistry?.Start,
            ChemistryEnd = engagement.Chemistry?.End,
            ChemistrySequence = engagement.Chemistry?.Sequence ?? 0,
            ChemistryCancelled = engagement.Chemistry?.Cancelled ?? false,
            ChemistryMissed = engagement.Chemistry?.Missed ?? false,
            ChemistryMoved = engagement.Chemistry?.Moved ?? false,
        };
    }

    public Engagement ToEngagement()
    {
        if (!EngagementId.TryParse(PartitionKey, out var id))
        {
            throw new InvalidDataException($"Engagements row has a malformed id '{PartitionKey}'.");
        }

        var intake = new IntakeAnswers(
            Name,
            Email,
            TimeZone,
            Goals,
            JsonSerializer.Deserialize<string[]>(FocusAreas) ?? [],
            Enum.Parse<MentalHealthSupport>(SeeingMentalHealthProfessional),
            MentalHealthNote,
            HeardFrom);
        var chemistry = ChemistryStart is { } start && ChemistryEnd is { } end
            ? new ChemistrySession(start, end, ChemistrySequence, ChemistryCancelled, ChemistryMissed, ChemistryMoved)
            : null;
        return new Engagement(id, Enum.Parse<Stage>(Stage), CreatedAt, UpdatedAt, intake, chemistry);
    }
}
