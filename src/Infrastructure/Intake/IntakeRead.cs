using CoachFlow.Domain.Intake;

namespace CoachFlow.Infrastructure.Intake;

/// <summary>
/// What could be read from an intake request: the form (when <see cref="Status"/> is Read), whether
/// it came as a browser form, and per-field errors about types (e.g. a number where text belongs).
/// </summary>
public sealed record IntakeRead(
    IntakeReadStatus Status,
    IntakeForm Form,
    bool FromForm,
    IReadOnlyDictionary<string, string[]> FieldErrors);
