namespace CoachFlow.Tests.Intake.Edges;

/// <summary>
/// One intake field set to one edge case, in both encodings: <see cref="Json"/> is a JSON literal (null:
/// the property is left out), <see cref="Form"/> the form values (null: left out; not set: the case only
/// exists in JSON, where values have types). The rest of the intake is the valid sample.
/// </summary>
public sealed record IntakeEdge(string Field, string Case, string? Json, string[]? Form, bool Accepted)
{
    /// <summary>When a form post is judged otherwise than JSON (an empty form field is the same as none).</summary>
    public bool? FormAccepted { get; init; }

    /// <summary>The value the accepted engagement must hold in its column of that name, unchanged.</summary>
    public (string Column, string Value)? Stored { get; init; }

    public bool InForm { get; init; } = true;

    public string Name => $"{Field}: {Case}";

    public override string ToString() => Name;
}
