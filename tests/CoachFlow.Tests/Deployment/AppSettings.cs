using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The Functions app settings as the compiled template writes them: the expression the
/// <c>Microsoft.Web/sites/config</c> resource gets (a <c>union</c> of objects) followed through to
/// name → value, each value as the template holds it (a literal, or an expression in brackets).
/// Settings built in a <c>reduce</c> loop are read for the loop's first item (the names with index 0).
/// </summary>
public static partial class AppSettings
{
    public static IReadOnlyDictionary<string, string> Read(JsonObject functionTemplate)
    {
        var config = CompiledInfrastructure.Resources(functionTemplate, "Microsoft.Web/sites/config")
            .Single(c => c["name"]!.GetValue<string>() == "[format('{0}/{1}', parameters('name'), 'appsettings')]");
        return Object(ArmExpression.FromTemplate(config["properties"]), functionTemplate, new Dictionary<string, ArmExpression>())
            .ToDictionary(s => s.Key, s => s.Value.ToTemplate(), StringComparer.Ordinal);
    }

    private static Dictionary<string, ArmExpression> Object(ArmExpression expression, JsonObject template, Dictionary<string, ArmExpression> lambda)
    {
        switch (expression)
        {
            case ArmCall { Name: "union" } union:
                // Later objects win, as in ARM's union().
                return union.Arguments.SelectMany(a => Object(a, template, lambda))
                    .GroupBy(s => s.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            case ArmCall { Name: "createObject" } create:
                return create.Arguments.Chunk(2).ToDictionary(pair => Name(pair[0], lambda), pair => pair[1], StringComparer.Ordinal);
            case ArmCall { Name: "variables", Arguments: [ArmString name] }:
                var variable = template["variables"]![name.Value]!;
                return variable is JsonObject literal
                    ? literal.ToDictionary(p => p.Key, p => ArmExpression.FromTemplate(p.Value), StringComparer.Ordinal)
                    : Object(ArmExpression.FromTemplate(variable), template, lambda);
            case ArmCall { Name: "lambdaVariables", Arguments: [ArmString name] }:
                return Object(lambda[name.Value], template, lambda);
            case ArmCall
            {
                Name: "reduce",
                Arguments: [ArmCall { Name: "range", Arguments: [ArmNumber first, _] }, var initial, ArmCall { Name: "lambda", Arguments: [ArmString accumulator, ArmString item, var body] }],
            }:
                return Object(body, template, new Dictionary<string, ArmExpression>(lambda) { [accumulator.Value] = initial, [item.Value] = first });
            default:
                throw new NotSupportedException($"The app settings are built in a way these tests cannot read yet: {expression}");
        }
    }

    private static string Name(ArmExpression expression, Dictionary<string, ArmExpression> lambda) => expression switch
    {
        ArmString s => s.Value,
        ArmNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
        ArmCall { Name: "lambdaVariables", Arguments: [ArmString name] } => Name(lambda[name.Value], lambda),
        ArmCall { Name: "format", Arguments: [ArmString format, ..] } call =>
            Placeholder().Replace(format.Value, m => Name(call.Arguments[1 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)], lambda)),
        _ => throw new NotSupportedException($"An app setting's name is not a constant: {expression}"),
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
