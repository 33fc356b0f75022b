using CoachFlow.Domain.Engagements;

namespace CoachFlow.Tests.Lifecycle.Activities;

/// <summary>
/// One run of one workflow activity: the engagement it runs on (its stage, whether a session is booked),
/// its input, and the emails it must send. <see cref="Check"/>, when set, checks an activity that sends
/// nothing by what it returned and stored.
/// </summary>
public sealed record ActivityCase(
    string Label,
    string Activity,
    Stage Stage,
    bool Booked,
    Func<EngagementId, object?> Input,
    IReadOnlyList<ExpectedEmail> Emails,
    Func<ActivityBench, EngagementId, object?, Task>? Check = null)
{
    public override string ToString() => Label;
}
