using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Engagements;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// Everything CoachFlow holds about one engagement (GDPR Art. 15 and 20): every answer the client
/// gave, the session, the decisions, the signed agreement and every stage and email on the way.
/// The coach's own reflection is in the coach's export only: it is their working note.
/// </summary>
public sealed record EngagementExport(
    string EngagementId,
    DateTimeOffset ExportedAt,
    string Stage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IntakeAnswers Intake,
    ChemistrySession? ChemistrySession,
    TriageRecord? Triage,
    Reflection? ClientReflection,
    Reflection? CoachReflection,
    AgreementSignature? Agreement,
    WithdrawalRecord? Withdrawal,
    IReadOnlyList<TimelineItem> Timeline);
