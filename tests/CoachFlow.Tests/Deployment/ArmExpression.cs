using System.Globalization;
using System.Text.Json.Nodes;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// A value in a compiled ARM template: a literal, or a template expression (a JSON string in
/// brackets) parsed into its tree, so tests can follow what the compiler wrote instead of matching
/// text. <see cref="ToString"/> writes the expression back as ARM writes it.
/// </summary>
public abstract record ArmExpression
{
    /// <summary>A template string: <c>"[expr]"</c> is an expression, <c>"[[..."</c> a literal opening with a bracket.</summary>
    public static ArmExpression FromTemplate(JsonNode? value)
    {
        var text = value?.GetValue<string>() ?? throw new ArgumentException("Expected a template string.", nameof(value));
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return new ArmString(text[1..]);
        }

        return text.StartsWith('[') && text.EndsWith(']') ? ArmExpressionParser.Parse(text[1..^1]) : new ArmString(text);
    }

    /// <summary>This value as the template holds it: a literal as is, an expression in brackets.</summary>
    public string ToTemplate() => this switch
    {
        ArmString { Value: var s } when s.StartsWith('[') => "[" + s,
        ArmString { Value: var s } => s,
        _ => $"[{this}]",
    };

    /// <summary>This node and every node under it.</summary>
    public IEnumerable<ArmExpression> DescendantsAndSelf()
    {
        yield return this;
        var children = this switch
        {
            ArmCall call => call.Arguments,
            ArmProperty property => [property.Target],
            ArmIndex index => [index.Target, index.Index],
            _ => [],
        };
        foreach (var descendant in children.SelectMany(c => c.DescendantsAndSelf()))
        {
            yield return descendant;
        }
    }
}

public sealed record ArmString(string Value) : ArmExpression
{
    public override string ToString() => $"'{Value.Replace("'", "''", StringComparison.Ordinal)}'";
}

public sealed record ArmNumber(long Value) : ArmExpression
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression
{
    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
}

public sealed record ArmProperty(ArmExpression Target, string Name) : ArmExpression
{
    public override string ToString() => $"{Target}.{Name}";
}

public sealed record ArmIndex(ArmExpression Target, ArmExpression Index) : ArmExpression
{
    public override string ToString() => $"{Target}[{Index}]";
}
