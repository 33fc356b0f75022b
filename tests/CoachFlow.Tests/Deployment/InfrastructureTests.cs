using System.Text.Json.Nodes;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Tests.TestSupport;
using static CoachFlow.Tests.Deployment.CompiledInfrastructure;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// <c>infra/</c> as the real Bicep compiler builds and lints it; the checks read the ARM template it
/// produces, or the settings it gives the app when deployed on paper (<see cref="SimulatedDeployment"/>).
/// Whether those settings start the app is <see cref="DeploymentTests"/>' job.
/// </summary>
public sealed class InfrastructureTests(CompiledInfrastructure infra) : IClassFixture<CompiledInfrastructure>
{
    private static readonly string[] IdentityRoles =
    [
        "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
        "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
        "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
        "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
    ];

    [Fact]
    public void Bicep_build_of_main_bicep_succeeds_with_no_errors_and_no_warnings()
    {
        var problems = BicepDiagnostics.ErrorsAndWarnings(infra.Build.StandardError);

        Assert.True(problems.Count == 0, "bicep build reported:\n" + string.Join('\n', problems));
        Assert.Equal(0, infra.Build.ExitCode);
        Assert.Equal(
            "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            infra.Template["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bicep_lint_of_main_bicep_reports_no_errors_and_no_warnings()
    {
        var lint = await infra.LintAsync(TestContext.Current.CancellationToken);
        var problems = BicepDiagnostics.ErrorsAndWarnings(lint.StandardOutput);

        Assert.True(problems.Count == 0, "bicep lint reported:\n" + string.Join('\n', problems));
        Assert.Equal(string.Empty, lint.StandardError);
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public void Secrets_are_key_vault_references_and_secure_parameters_never_plain_text()
    {
        var settings = Deployed().AppSettings;
        var vault = infra.Module("keyvault");
        foreach (var (setting, parameter, secret, uri) in new[]
        {
            ("CoachFlow__LinkSigningKey", "linkSigningKey", "link-signing-key", "linkSigningKeySecretUri"),
            ("CoachFlow__Email__SendGridApiKey", "sendGridApiKey", "sendgrid-api-key", "sendGridApiKeySecretUri"),
        })
        {
            // The app reads a Key Vault reference to the URI the vault module gives out...
            Assert.Matches($@"^@Microsoft\.KeyVault\(SecretUri=https://kv-[a-z0-9]+\.vault\.azure\.net/secrets/{secret}\)$", settings[setting]);
            Assert.Equal<(string, string)?>(("keyvault", uri), ModuleOutput(infra.Argument("api", uri)));
            Assert.Equal(
                $"[reference(resourceId('Microsoft.KeyVault/vaults/secrets', parameters('name'), '{secret}'), '2023-07-01').secretUri]",
                vault["outputs"]![uri]!["value"]!.GetValue<string>());

            // ...of a secret that holds a secure parameter all the way from main.bicep, which has no default.
            var stored = Resources(vault, "Microsoft.KeyVault/vaults/secrets")
                .Single(s => s["name"]!.GetValue<string>() == $"[format('{{0}}/{{1}}', parameters('name'), '{secret}')]");
            Assert.Equal($"[parameters('{parameter}')]", stored["properties"]!["value"]!.GetValue<string>());
            Assert.Equal("securestring", vault["parameters"]![parameter]!["type"]!.GetValue<string>());
            Assert.Equal($"[parameters('{parameter}')]", infra.Argument("keyvault", parameter).ToTemplate());
            var declared = infra.Template["parameters"]![parameter]!.AsObject();
            Assert.Equal("securestring", declared["type"]!.GetValue<string>());
            Assert.False(declared.ContainsKey("defaultValue"), $"{parameter} has a default value");
        }

        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra, "main.parameters.json")))!["parameters"]!;
        Assert.Equal("${SENDGRID_API_KEY}", parameters["sendGridApiKey"]!["value"]!.GetValue<string>());
        // scripts/preprovision.sh generates it once; azd's secretOrRandomPassword would give 15 characters.
        Assert.Equal("${LINK_SIGNING_KEY}", parameters["linkSigningKey"]!["value"]!.GetValue<string>());

        // Comments never reach the template, so the sources are searched as well as what they compile to.
        var texts = Directory.EnumerateFiles(Infra, "*.*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(infra.Build.StandardOutput);
        Assert.All(texts, text =>
        {
            Assert.DoesNotMatch(@"SG\.[A-Za-z0-9_-]{10,}", text);
            Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Storage_takes_no_shared_keys_and_the_app_runs_as_its_managed_identity_on_flex_consumption()
    {
        Assert.False(Resource(infra.Module("storage"), "Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>());
        // No listKeys() or other list*() call: nothing in the deployment reads a key out of a resource.
        Assert.DoesNotContain(
            Expressions(infra.Template).SelectMany(e => e.DescendantsAndSelf()).OfType<ArmCall>(),
            call => call.Name.StartsWith("list", StringComparison.OrdinalIgnoreCase));

        var api = infra.Module("api");
        var plan = Resource(api, "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        var site = Resource(api, "Microsoft.Web/sites");
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(i => i.Key));
        Assert.Equal("[parameters('identityId')]", site["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>());
        Assert.Equal<(string, string)?>(("identity", "resourceId"), ModuleOutput(infra.Argument("api", "identityId")));
        Assert.Equal(["[parameters('websiteOrigin')]"], site["properties"]!["siteConfig"]!["cors"]!["allowedOrigins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("[parameters('websiteOrigin')]", infra.Argument("api", "websiteOrigin").ToTemplate());

        var settings = Deployed().AppSettings;
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", settings.Keys);
        Assert.Equal($"ClientId={settings["AzureWebJobsStorage__clientId"]};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.True(Resource(infra.Module("monitoring"), "Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!.GetValue<bool>());

        var rbac = infra.Module("rbac");
        Assert.Equal<(string, string)?>(("identity", "principalId"), ModuleOutput(infra.Argument("rbac", "identityPrincipalId")));
        var identityRoles = Resources(rbac, "Microsoft.Authorization/roleAssignments")
            .Where(a => a["properties"]!["principalId"]!.GetValue<string>() == "[parameters('identityPrincipalId')]")
            .SelectMany(a => RoleIds(rbac, a))
            .ToHashSet();
        Assert.Equal(IdentityRoles.Order(), identityRoles.Order());
    }

    [Fact]
    public void Every_module_is_compiled_into_main_and_every_abbreviation_it_uses_exists()
    {
        var deployments = Resources(infra.Template, "Microsoft.Resources/deployments").ToList();

        Assert.NotEmpty(deployments);
        // Local modules are inlined; a templateLink would be a template fetched at deployment time.
        Assert.All(deployments, d => Assert.NotNull(d["properties"]!["template"]));
        Assert.All(deployments, d => Assert.Null(d["properties"]!["templateLink"]));
        var abbreviations = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra, "abbreviations.json")))!.AsObject();
        var used = Expressions(infra.Template)
            .SelectMany(e => e.DescendantsAndSelf())
            .OfType<ArmProperty>()
            .Where(p => p.Target is ArmCall { Name: "variables", Arguments: [ArmString { Value: "abbrs" }] })
            .Select(p => p.Name)
            .Distinct()
            .ToList();
        Assert.NotEmpty(used);
        Assert.All(used, k => Assert.True(abbreviations.ContainsKey(k), k));
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_and_runs_the_provision_hooks()
    {
        var azure = File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "azure.yaml"));

        Assert.Contains("project: ./src/Functions/", azure, StringComparison.Ordinal);
        Assert.Contains("host: function", azure, StringComparison.Ordinal);
        foreach (var hook in new[] { "preprovision", "postprovision" })
        {
            Assert.Matches($@"(?m)^  {hook}:\n    posix:\n      shell: sh\n      run: \./scripts/{hook}\.sh\n    windows:\n      shell: pwsh\n      run: \./scripts/{hook}\.ps1$", azure.ReplaceLineEndings("\n"));
            Assert.True(File.Exists(Path.Combine(AzuriteFixture.RepositoryRoot, "scripts", $"{hook}.sh")));
            Assert.True(File.Exists(Path.Combine(AzuriteFixture.RepositoryRoot, "scripts", $"{hook}.ps1")));
        }
    }

    /// <summary>The template deployed on paper for the sample azd environment.</summary>
    private SimulatedDeployment Deployed() => new(
        infra.Template.DeepClone().AsObject(),
        JsonNode.Parse(File.ReadAllText(Path.Combine(Infra, "main.parameters.json")))!.AsObject(),
        new SampleAzdEnvironment());

    /// <summary>The module and output a value passed between modules comes from, if it is one.</summary>
    private static (string Module, string Output)? ModuleOutput(ArmExpression value) => value is ArmProperty
    {
        Name: "value",
        Target: ArmProperty
        {
            Name: var output,
            Target: ArmProperty
            {
                Name: "outputs",
                Target: ArmCall
                {
                    Name: "reference",
                    Arguments: [ArmCall { Name: "extensionResourceId", Arguments: [_, ArmString { Value: "Microsoft.Resources/deployments" }, ArmString module] }, ..],
                },
            },
        },
    }
        ? (module.Value, output)
        : null;

    /// <summary>The role definitions a role assignment grants: one, or one per item of a copy loop over a literal array.</summary>
    private static IEnumerable<string> RoleIds(JsonObject template, JsonObject assignment) =>
        ArmExpression.FromTemplate(assignment["properties"]!["roleDefinitionId"]) is ArmCall
        {
            Name: "subscriptionResourceId",
            Arguments: [ArmString { Value: "Microsoft.Authorization/roleDefinitions" }, var role],
        }
            ? Constants(template, role)
            : throw new NotSupportedException($"Not a built-in role: {assignment["properties"]!["roleDefinitionId"]}");

    private static IEnumerable<string> Constants(JsonObject template, ArmExpression expression) => expression switch
    {
        ArmString s => [s.Value],
        ArmCall { Name: "variables", Arguments: [ArmString name] } => Constants(template, ArmExpression.FromTemplate(template["variables"]![name.Value])),
        ArmIndex { Target: ArmCall { Name: "createArray" } array, Index: ArmCall { Name: "copyIndex", Arguments: [] } } =>
            array.Arguments.SelectMany(a => Constants(template, a)),
        _ => throw new NotSupportedException($"Not a constant: {expression}"),
    };
}
