namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>What a page must answer: its status, its heading, and a phrase that says why.</summary>
public sealed record LinkAnswer(int Status, string Title, string Says)
{
    public const string InvalidTitle = "This link can't be used";

    /// <summary>An erased engagement's links answer like any unknown link.</summary>
    public static readonly LinkAnswer Unknown = new(404, InvalidTitle, "not valid or has expired");

    public override string ToString() => $"{Status} \"{Title}\" saying \"{Says}\"";
}
