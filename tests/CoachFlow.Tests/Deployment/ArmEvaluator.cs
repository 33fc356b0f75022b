using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// Evaluates the expressions of one compiled template (main.bicep's, or a module's inlined in it) for a sample
/// deployment, the way Azure Resource Manager would. Only the functions our templates use are known; any other
/// function, a copy loop or a missing property throws, so a template the evaluator cannot follow fails the test
/// instead of being guessed at. <c>uniqueString</c> and <c>guid</c> are stand-ins with the real shape (ARM's hash
/// is its own): names only need to be stable within one run.
/// </summary>
public sealed class ArmEvaluator
{
    private readonly JsonObject _template;
    private readonly Func<string, JsonNode?> _parameter;
    private readonly Func<string, JsonNode> _reference;
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="template">The template whose <c>parameters(…)</c> and <c>variables(…)</c> are meant.</param>
    /// <param name="resourceGroup">The resource group the template deploys to; null at subscription scope.</param>
    /// <param name="parameter">The value of a parameter, as the deployment was given it (null: use the default).</param>
    /// <param name="reference">What <c>reference(id)</c> returns for a resource id.</param>
    public ArmEvaluator(JsonObject template, string? resourceGroup, Func<string, JsonNode?> parameter, Func<string, JsonNode> reference)
    {
        _template = template;
        ResourceGroup = resourceGroup;
        _parameter = parameter;
        _reference = reference;
    }

    public string? ResourceGroup { get; }

    /// <summary>A template value: literals as they are, expressions evaluated, objects and arrays (and property names) deep.</summary>
    public JsonNode? Evaluate(JsonNode? value) => value switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(Text(Evaluate(JsonValue.Create(p.Key))), Evaluate(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Evaluate)]),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('[') => Evaluate(ArmExpression.FromTemplate(v), Scope.Empty),
        null => null,
        _ => value.DeepClone(),
    };

    public JsonNode? Evaluate(ArmExpression expression) => Evaluate(expression, Scope.Empty);

    /// <summary>The id of a resource in this template's resource group (or subscription), as <c>resourceId()</c> writes it.</summary>
    public string ResourceId(string type, params string[] names) => ResourceGroup is null
        ? SubscriptionResourceId(type, names)
        : $"/subscriptions/{SampleAzure.SubscriptionId}/resourceGroups/{ResourceGroup}{Providers(type, names)}";

    public static string SubscriptionResourceId(string type, params string[] names) =>
        $"/subscriptions/{SampleAzure.SubscriptionId}{Providers(type, names)}";

    public static string Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s)
        ? s
        : throw new InvalidOperationException($"Expected a string, not {value?.ToJsonString() ?? "null"}.");

    private JsonNode? Evaluate(ArmExpression expression, Scope scope) => expression switch
    {
        ArmString s => JsonValue.Create(s.Value),
        ArmNumber n => JsonValue.Create(n.Value),
        // Detached copies: a value is placed into new objects and arrays as it is evaluated.
        ArmProperty p => Property(Evaluate(p.Target, scope), p.Name)?.DeepClone(),
        ArmIndex i => Index(Evaluate(i.Target, scope), Evaluate(i.Index, scope))?.DeepClone(),
        ArmCall call => Call(call, scope),
        _ => throw new NotSupportedException($"Not an ARM expression: {expression}"),
    };

    private JsonNode? Call(ArmCall call, Scope scope)
    {
        JsonNode? Arg(int i) => Evaluate(call.Arguments[i], scope);
        IEnumerable<JsonNode?> Args() => call.Arguments.Select(a => Evaluate(a, scope));
        switch (call.Name.ToLowerInvariant())
        {
            case "parameters":
                return Parameter(Text(Arg(0)));
            case "variables":
                return Variable(Text(Arg(0)));
            case "lambdavariables":
                return scope.Variable(Text(Arg(0)));
            case "format":
                var format = Text(Arg(0));
                var values = call.Arguments.Skip(1).Select(a => (object?)Display(Evaluate(a, scope))).ToArray();
                return string.Format(CultureInfo.InvariantCulture, format, values);
            case "tolower":
                return Text(Arg(0)).ToLowerInvariant();
            case "string":
                return Display(Arg(0));
            case "take":
                var count = (int)Long(Arg(1));
                return Arg(0) switch
                {
                    JsonArray a => new JsonArray([.. a.Take(count).Select(i => i?.DeepClone())]),
                    var v => Text(v)[..Math.Min(count, Text(v).Length)],
                };
            case "length":
                return Arg(0) switch
                {
                    JsonArray a => (long)a.Count,
                    JsonObject o => o.Count,
                    var v => Text(v).Length,
                };
            case "empty":
                return Arg(0) switch
                {
                    null => true,
                    JsonArray a => a.Count == 0,
                    JsonObject o => o.Count == 0,
                    var v => Text(v).Length == 0,
                };
            case "not":
                return !Arg(0)!.GetValue<bool>();
            case "if":
                // Only the branch taken is evaluated, as in ARM.
                return Arg(0)!.GetValue<bool>() ? Arg(1) : Arg(2);
            case "createobject":
                return new JsonObject(Args().Chunk(2).Select(pair => KeyValuePair.Create(Text(pair[0]), pair[1]?.DeepClone())));
            case "createarray":
                return new JsonArray([.. Args().Select(a => a?.DeepClone())]);
            case "union":
                return Union(Args().ToList());
            case "range":
                var start = Long(Arg(0));
                return new JsonArray([.. Enumerable.Range(0, (int)Long(Arg(1))).Select(i => (JsonNode)(start + i))]);
            case "items":
                // ARM returns an object's entries sorted by key.
                return new JsonArray([.. ((JsonObject)Arg(0)!).OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() })]);
            case "reduce":
                return Reduce(call, scope);
            case "uniquestring":
                return Hash(Args().Select(Text))[..13];
            case "guid":
                return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Args().Select(Text))))[..16]).ToString();
            case "subscription":
                return new JsonObject
                {
                    ["id"] = $"/subscriptions/{SampleAzure.SubscriptionId}",
                    ["subscriptionId"] = SampleAzure.SubscriptionId,
                    ["tenantId"] = SampleAzure.TenantId,
                };
            case "tenant":
                return new JsonObject { ["tenantId"] = SampleAzure.TenantId };
            case "resourceid":
                return ResourceId(Text(Arg(0)), [.. Args().Skip(1).Select(Text)]);
            case "subscriptionresourceid":
                return SubscriptionResourceId(Text(Arg(0)), [.. Args().Skip(1).Select(Text)]);
            case "extensionresourceid":
                return Text(Arg(0)) + Providers(Text(Arg(1)), [.. Args().Skip(2).Select(Text)]);
            case "reference":
                return _reference(Text(Arg(0))).DeepClone();
            default:
                throw new NotSupportedException($"The deployment tests do not evaluate ARM's {call.Name}() yet: {call}");
        }
    }

    private JsonNode? Parameter(string name)
    {
        var declared = _template["parameters"]?[name]?.AsObject()
            ?? throw new InvalidOperationException($"The template declares no parameter '{name}'.");
        var given = _parameter(name);
        if (given is not null)
        {
            return given.DeepClone();
        }

        return declared.TryGetPropertyValue("defaultValue", out var fallback)
            ? Evaluate(fallback)
            : throw new InvalidOperationException($"Parameter '{name}' has no value and no default: azd would stop and ask for it.");
    }

    private JsonNode? Variable(string name)
    {
        if (!_variables.TryGetValue(name, out var value))
        {
            var declared = _template["variables"]?[name] ?? throw new InvalidOperationException($"The template declares no variable '{name}'.");
            if (declared is JsonObject { } o && o.ContainsKey("copy"))
            {
                throw new NotSupportedException($"Variable '{name}' is a copy loop, which the deployment tests do not evaluate yet.");
            }

            value = Evaluate(declared);
            _variables[name] = value;
        }

        return value?.DeepClone();
    }

    private JsonNode? Reduce(ArmCall call, Scope scope)
    {
        if (call.Arguments is not [var items, var initial, ArmCall { Name: "lambda", Arguments: [var accumulatorName, var itemName, var body] }])
        {
            throw new NotSupportedException($"A reduce() of a shape the deployment tests do not evaluate: {call}");
        }

        var accumulator = Evaluate(initial, scope);
        foreach (var item in (JsonArray)Evaluate(items, scope)!)
        {
            var inner = scope.With(Text(Evaluate(accumulatorName, scope)), accumulator).With(Text(Evaluate(itemName, scope)), item);
            accumulator = Evaluate(body, inner);
        }

        return accumulator;
    }

    /// <summary>ARM's union: objects merge with the later value winning, arrays concatenate without repeats.</summary>
    private static JsonNode Union(IReadOnlyList<JsonNode?> values)
    {
        if (values.All(v => v is JsonObject))
        {
            var merged = new JsonObject();
            foreach (var property in values.Cast<JsonObject>().SelectMany(o => o))
            {
                if (merged[property.Key] is JsonObject && property.Value is JsonObject)
                {
                    throw new NotSupportedException($"union() of nested objects under '{property.Key}' is not evaluated by the deployment tests yet.");
                }

                merged[property.Key] = property.Value?.DeepClone();
            }

            return merged;
        }

        if (values.All(v => v is JsonArray))
        {
            var items = values.Cast<JsonArray>().SelectMany(a => a).ToList();
            return new JsonArray([.. items.DistinctBy(i => i?.ToJsonString()).Select(i => i?.DeepClone())]);
        }

        throw new InvalidOperationException("union() takes only objects or only arrays.");
    }

    private static JsonNode? Property(JsonNode? target, string name)
    {
        // ARM reads properties case-insensitively (outputs.clientId, primaryEndpoints.Blob, …).
        var property = (target as JsonObject)?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        return property is { Key: not null } found
            ? found.Value
            : throw new InvalidOperationException($"The value {target?.ToJsonString() ?? "null"} has no property '{name}'.");
    }

    private static JsonNode? Index(JsonNode? target, JsonNode? index) => target switch
    {
        JsonArray a => a[(int)Long(index)],
        JsonObject => Property(target, Text(index)),
        _ => throw new InvalidOperationException($"Cannot index {target?.ToJsonString() ?? "null"}."),
    };

    private static long Long(JsonNode? value) => value is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : value is JsonValue i && i.TryGetValue<int>(out var n) ? n
        : throw new InvalidOperationException($"Expected a number, not {value?.ToJsonString() ?? "null"}.");

    private static string Display(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<int>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        null => string.Empty,
        _ => value.ToJsonString(),
    };

    private static string Providers(string type, string[] names)
    {
        var segments = type.Split('/');
        if (segments.Length - 1 != names.Length)
        {
            throw new InvalidOperationException($"{type} needs {segments.Length - 1} names, got {names.Length}.");
        }

        return $"/providers/{segments[0]}" + string.Concat(segments.Skip(1).Zip(names, (t, n) => $"/{t}/{n}"));
    }

    private static string Hash(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    /// <summary>The lambda variables in force inside a <c>reduce</c>.</summary>
    private sealed record Scope(IReadOnlyDictionary<string, JsonNode?> Variables)
    {
        public static readonly Scope Empty = new(new Dictionary<string, JsonNode?>());

        public Scope With(string name, JsonNode? value) =>
            new(new Dictionary<string, JsonNode?>(Variables) { [name] = value });

        public JsonNode? Variable(string name) => Variables.TryGetValue(name, out var value)
            ? value?.DeepClone()
            : throw new InvalidOperationException($"No lambda variable '{name}' here.");
    }
}
