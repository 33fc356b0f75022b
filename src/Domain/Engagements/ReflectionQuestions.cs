namespace CoachFlow.Domain.Engagements;

/// <summary>The reflection questions of DESIGN §1, after ICF's guidance on establishing fit.</summary>
public static class ReflectionQuestions
{
    public static readonly IReadOnlyList<(string Id, string Text)> Coach =
    [
        ("loveWorkingWith", "Is this a client I would love working with?"),
        ("engaged", "Are they engaged in their own success?"),
        ("withinCompetence", "Are their needs and goals inside my competence?"),
        ("creativeWhole", "Can I see them as creative, resourceful and whole?"),
    ];

    public static readonly IReadOnlyList<(string Id, string Text)> Client =
    [
        ("safe", "Do I feel safe with this coach?"),
        ("vulnerable", "Can I be vulnerable with them?"),
        ("confidence", "Do their values, beliefs and background give me confidence?"),
        ("challenge", "Can they challenge me to new awareness?"),
        ("personality", "Is their personality comfortable for me?"),
    ];

    /// <summary>The answers a question offers; each question may also be left unanswered.</summary>
    public static readonly IReadOnlyList<string> Answers = ["yes", "unsure", "no"];

    public static IReadOnlyList<(string Id, string Text)> For(Actor who) => who == Actor.Coach ? Coach : Client;
}
