using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The compiled <c>infra/main.bicep</c> deployed, on paper, for a sample azd environment: parameters as azd resolves
/// them, every module evaluated in its resource group, <c>reference()</c> answered by <see cref="SampleAzure"/>. It
/// yields what Azure would hold afterwards (resources, role assignments, the Functions app's settings) and the
/// settings as App Service hands them to the app: a Key Vault reference replaced by its secret only when the app's
/// Key Vault reference identity may read it, and left as literal text otherwise, as App Service does.
/// </summary>
public sealed partial class SimulatedDeployment
{
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private readonly JsonObject _template;
    private readonly ArmEvaluator _main;
    private readonly Dictionary<string, ArmEvaluator> _modules = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonObject> _outputs = new(StringComparer.OrdinalIgnoreCase);

    public SimulatedDeployment(JsonObject template, JsonObject parametersFile, SampleAzdEnvironment environment)
    {
        _template = template;
        var parameters = AzdParameters.Resolve(parametersFile, template, environment);
        _main = new ArmEvaluator(template, resourceGroup: null, name => parameters.GetValueOrDefault(name), Reference);
    }

    /// <summary>The Functions app's settings as the deployment writes them (Key Vault references unresolved).</summary>
    public IReadOnlyDictionary<string, string> AppSettings
    {
        get
        {
            var config = Resources("api", "Microsoft.Web/sites/config").Single(c => c.Name.EndsWith("/appsettings", StringComparison.Ordinal));
            return config.Body["properties"]!.AsObject().ToDictionary(s => s.Key, s => ArmEvaluator.Text(s.Value), StringComparer.Ordinal);
        }
    }

    /// <summary>The settings the app's process sees: each Key Vault reference resolved if App Service can, else left as text.</summary>
    public IReadOnlyDictionary<string, string> AppSettingsAsAppServiceResolvesThem()
    {
        var site = Site;
        var referenceIdentity = ArmEvaluator.Text(site.Body["properties"]!["keyVaultReferenceIdentity"]);
        var assigned = site.Body["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key);
        var principal = assigned.Contains(referenceIdentity, StringComparer.OrdinalIgnoreCase)
            ? SampleAzure.IdentityPrincipalId(referenceIdentity)
            : null;
        return AppSettings.ToDictionary(
            s => s.Key,
            s => KeyVaultReference().Match(s.Value) is { Success: true } reference && principal is not null
                ? ReadSecret(new Uri(reference.Groups["uri"].Value), principal) ?? s.Value
                : s.Value,
            StringComparer.Ordinal);
    }

    public DeployedResource Site => Resources("api", "Microsoft.Web/sites").Single();

    /// <summary>Every role assignment any module makes.</summary>
    public IEnumerable<RoleAssignment> RoleAssignments() => Modules()
        .SelectMany(m => Resources(m, "Microsoft.Authorization/roleAssignments"))
        .Select(a => new RoleAssignment(
            a.Scope ?? throw new InvalidOperationException($"Role assignment {a.Name} has no scope."),
            ArmEvaluator.Text(a.Body["properties"]!["principalId"]),
            ArmEvaluator.Text(a.Body["properties"]!["roleDefinitionId"]).Split('/')[^1]));

    public bool HasRole(string principalId, string scope, string roleDefinitionId) => RoleAssignments().Any(a =>
        a.PrincipalId == principalId && a.RoleDefinitionId == roleDefinitionId && string.Equals(a.Scope, scope, StringComparison.OrdinalIgnoreCase));

    /// <summary>The resources of one type a module deploys, evaluated; those whose condition is false are not deployed.</summary>
    public IEnumerable<DeployedResource> Resources(string module, string type)
    {
        var evaluator = Module(module);
        foreach (var resource in CompiledInfrastructure.Resources(ModuleTemplate(module), type))
        {
            if (resource.ContainsKey("copy"))
            {
                throw new NotSupportedException($"A copy loop in module '{module}' ({type}): the deployment tests do not evaluate loops yet.");
            }

            if (resource["condition"] is { } condition && !evaluator.Evaluate(condition)!.GetValue<bool>())
            {
                continue;
            }

            var body = evaluator.Evaluate(resource)!.AsObject();
            var name = ArmEvaluator.Text(body["name"]);
            var scope = body["scope"] is { } s ? ArmEvaluator.Text(s) : null;
            yield return new DeployedResource(evaluator.ResourceId(type, name.Split('/')), name, scope, body);
        }
    }

    private string? ReadSecret(Uri secretUri, string principal)
    {
        // https://{vault}.vault.azure.net/secrets/{name}[/{version}]
        var vaultName = secretUri.Host.Split('.')[0];
        var secretName = secretUri.Segments[2].TrimEnd('/');
        var vault = Resources("keyvault", "Microsoft.KeyVault/vaults").SingleOrDefault(v => v.Name == vaultName);
        var secret = Resources("keyvault", "Microsoft.KeyVault/vaults/secrets").SingleOrDefault(s => s.Name == $"{vaultName}/{secretName}");
        if (vault is null || secret is null || vault.Body["properties"]!["enableRbacAuthorization"]?.GetValue<bool>() != true)
        {
            return null;
        }

        return HasRole(principal, vault.Id, KeyVaultSecretsUser) || HasRole(principal, secret.Id, KeyVaultSecretsUser)
            ? ArmEvaluator.Text(secret.Body["properties"]!["value"])
            : null;
    }

    private IEnumerable<string> Modules() => CompiledInfrastructure.Resources(_template, "Microsoft.Resources/deployments")
        .Select(d => d["name"]!.GetValue<string>());

    private JsonObject ModuleTemplate(string module) => Deployment(module)["properties"]!["template"]!.AsObject();

    private JsonObject Deployment(string module) => CompiledInfrastructure.Resources(_template, "Microsoft.Resources/deployments")
        .Single(d => string.Equals(d["name"]!.GetValue<string>(), module, StringComparison.OrdinalIgnoreCase));

    private ArmEvaluator Module(string module)
    {
        if (!_modules.TryGetValue(module, out var evaluator))
        {
            var deployment = Deployment(module);
            var arguments = deployment["properties"]!["parameters"]!.AsObject();
            evaluator = new ArmEvaluator(
                ModuleTemplate(module),
                ArmEvaluator.Text(_main.Evaluate(deployment["resourceGroup"])),
                name => arguments[name] is { } argument ? _main.Evaluate(argument["value"]) : null,
                Reference);
            _modules[module] = evaluator;
        }

        return evaluator;
    }

    private JsonNode Reference(string resourceId)
    {
        var (type, name) = SampleAzure.TypeAndName(resourceId);
        if (type != "Microsoft.Resources/deployments")
        {
            return SampleAzure.Reference(resourceId);
        }

        if (!_outputs.TryGetValue(name, out var outputs))
        {
            var evaluator = Module(name);
            outputs = new JsonObject(ModuleTemplate(name)["outputs"]!.AsObject()
                .Select(o => KeyValuePair.Create(o.Key, (JsonNode?)new JsonObject { ["value"] = evaluator.Evaluate(o.Value!["value"]) })));
            _outputs[name] = outputs;
        }

        return new JsonObject { ["outputs"] = outputs.DeepClone() };
    }

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=(?<uri>[^)]+)\)$")]
    private static partial Regex KeyVaultReference();
}

/// <summary>One resource as deployed: its id, name, scope (for extension resources) and evaluated body.</summary>
public sealed record DeployedResource(string Id, string Name, string? Scope, JsonObject Body);

/// <summary>A role assignment as deployed: who gets which built-in role (its GUID) on what.</summary>
public sealed record RoleAssignment(string Scope, string PrincipalId, string RoleDefinitionId);
