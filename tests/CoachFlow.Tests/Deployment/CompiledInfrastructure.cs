using System.Text.Json.Nodes;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// <c>infra/main.bicep</c> as the Bicep compiler sees it: built once for the test class, with the ARM
/// template it produces and the modules inlined in it.
/// </summary>
public sealed class CompiledInfrastructure : IAsyncLifetime
{
    public static readonly string Infra = Path.Combine(AzuriteFixture.RepositoryRoot, "infra");

    private static readonly string Main = Path.Combine(Infra, "main.bicep");

    private readonly BicepCli _bicep = new();
    private JsonObject? _template;

    /// <summary><c>bicep build</c>: the template on standard output, the SARIF diagnostics on standard error.</summary>
    public BicepRun Build { get; private set; } = new(-1, string.Empty, string.Empty);

    /// <summary>The compiled subscription-scope template; fails with the diagnostics when the build did.</summary>
    public JsonObject Template => _template ??= Build.ExitCode == 0
        ? JsonNode.Parse(Build.StandardOutput)!.AsObject()
        : throw new InvalidOperationException($"bicep build exited with {Build.ExitCode}:\n{string.Join('\n', BicepDiagnostics.ErrorsAndWarnings(Build.StandardError))}");

    public async ValueTask InitializeAsync() =>
        Build = await _bicep.RunAsync(Command("build", "--stdout"), TestContext.Current.CancellationToken);

    public Task<BicepRun> LintAsync(CancellationToken cancellationToken) => _bicep.RunAsync(Command("lint"), cancellationToken);

    /// <summary>The nested deployment a <c>module</c> compiles to.</summary>
    public JsonObject Deployment(string module) => Template["resources"]!.AsArray()
        .Single(r => r!["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == module)!
        .AsObject();

    /// <summary>The template a <c>module</c> compiles to, inlined in its deployment.</summary>
    public JsonObject Module(string module) => Deployment(module)["properties"]!["template"]!.AsObject();

    /// <summary>What main.bicep passes to a module's parameter.</summary>
    public ArmExpression Argument(string module, string parameter) =>
        ArmExpression.FromTemplate(Deployment(module)["properties"]!["parameters"]![parameter]!["value"]);

    public static IEnumerable<JsonObject> Resources(JsonObject template, string type) => template["resources"]!.AsArray()
        .Where(r => r!["type"]!.GetValue<string>() == type)
        .Select(r => r!.AsObject());

    public static JsonObject Resource(JsonObject template, string type) => Resources(template, type).Single();

    /// <summary>Every expression in a template (or part of one), property names included.</summary>
    public static IEnumerable<ArmExpression> Expressions(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Expressions(JsonValue.Create(p.Key)).Concat(Expressions(p.Value))),
        JsonArray a => a.SelectMany(Expressions),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('[') && !s.StartsWith("[[", StringComparison.Ordinal) => [ArmExpression.FromTemplate(v)],
        _ => [],
    };

    public ValueTask DisposeAsync()
    {
        _bicep.Dispose();
        return ValueTask.CompletedTask;
    }

    // --no-restore: every module is a local file, and a restore would still reach out to the internet
    // for the public module registry's index. Without it, a registry module is an error, not a download.
    private static string[] Command(string verb, params string[] options) =>
        [verb, Main, "--no-restore", "--diagnostics-format", "sarif", .. options];
}
