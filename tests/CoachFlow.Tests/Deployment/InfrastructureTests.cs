using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// Reads <c>infra/</c> as text (no Bicep compiler here). The required keys come from the options
/// validator itself, so a new required setting fails this test until the Bicep sets it too.
/// </summary>
public sealed partial class InfrastructureTests
{
    private static readonly string Infra = Path.Combine(AzuriteFixture.RepositoryRoot, "infra");

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Infra, .. path]));

    /// <summary>App settings written in function.bicep as <c>Name: value</c>, with <c>${i}</c> indexes read as 0.</summary>
    private static Dictionary<string, string> AppSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in SettingLine().Matches(Read("app", "function.bicep")))
        {
            settings[m.Groups["name"].Value.Replace("${i}", "0", StringComparison.Ordinal)] = m.Groups["value"].Value.Trim();
        }

        return settings;
    }

    [Fact]
    public void Every_key_the_options_require_is_set_as_an_app_setting()
    {
        var failures = new CoachFlowOptionsValidator().Validate(null, new CoachFlowOptions { Coach = { AccentColor = "#000" } }).Failures!;
        var required = failures.Select(f => f.Split(' ')[0]).Distinct().ToList();
        var settings = AppSettings();

        Assert.Contains("CoachFlow:Coach:AgreementTerms:Confidentiality", required);
        foreach (var key in required)
        {
            var setting = key.Replace(":", "__", StringComparison.Ordinal);
            if (setting == "CoachFlow__Coach__WeeklyAvailability")
            {
                Assert.Contains("CoachFlow__Coach__WeeklyAvailability__0__Day", settings.Keys);
                Assert.Contains("CoachFlow__Coach__WeeklyAvailability__0__Start", settings.Keys);
                Assert.Contains("CoachFlow__Coach__WeeklyAvailability__0__End", settings.Keys);
            }
            else if (setting == "CoachFlow__Storage__ConnectionString")
            {
                Assert.Contains("CoachFlow__Storage__AccountName", settings.Keys);
            }
            else
            {
                Assert.Contains(setting, settings.Keys);
            }
        }

        Assert.Equal("'SendGrid'", settings["CoachFlow__Email__Provider"]);
        Assert.Contains("CoachFlow__Email__SendGridApiKey", settings.Keys);
    }

    [Fact]
    public void Secrets_are_key_vault_references_and_secure_parameters_never_plain_text()
    {
        var settings = AppSettings();
        foreach (var secret in new[] { "CoachFlow__LinkSigningKey", "CoachFlow__Email__SendGridApiKey" })
        {
            Assert.Matches(@"^'@Microsoft\.KeyVault\(SecretUri=\$\{[A-Za-z]+\}\)'$", settings[secret]);
        }

        var main = Read("main.bicep");
        Assert.Matches(@"@secure\(\)\s*\n(@description\([^\n]*\)\s*\n)?param sendGridApiKey string\s*\n", main);
        Assert.Matches(@"@secure\(\)\s*\n(@description\([^\n]*\)\s*\n)?param linkSigningKey string\s*\n", main);
        Assert.DoesNotMatch(@"param (sendGridApiKey|linkSigningKey) string\s*=", main);
        var parameters = JsonNode.Parse(Read("main.parameters.json"))!["parameters"]!;
        Assert.Equal("${SENDGRID_API_KEY}", parameters["sendGridApiKey"]!["value"]!.GetValue<string>());
        Assert.StartsWith("$(secretOrRandomPassword", parameters["linkSigningKey"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Infra, "*.*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"SG\.[A-Za-z0-9_-]{10,}", text);
            Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Storage_takes_no_shared_keys_and_the_app_runs_as_its_managed_identity_on_flex_consumption()
    {
        Assert.Contains("allowSharedKeyAccess: false", Read("app", "storage.bicep"), StringComparison.Ordinal);
        var function = Read("app", "function.bicep");
        Assert.Contains("sku: { name: 'FC1', tier: 'FlexConsumption' }", function, StringComparison.Ordinal);
        Assert.Contains("name: 'dotnet-isolated'", function, StringComparison.Ordinal);
        Assert.Contains("version: '10.0'", function, StringComparison.Ordinal);
        Assert.Contains("type: 'UserAssigned'", function, StringComparison.Ordinal);
        Assert.Contains("keyVaultReferenceIdentity: identityId", function, StringComparison.Ordinal);
        Assert.Contains("cors: { allowedOrigins: [websiteOrigin] }", function, StringComparison.Ordinal);
        var settings = AppSettings();
        Assert.Equal("'managedidentity'", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", settings.Keys);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("DisableLocalAuth: true", Read("app", "monitoring.bicep"), StringComparison.Ordinal);
        var rbac = Read("app", "rbac.bicep");
        foreach (var role in new[] { "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "3913510d-42f4-4e42-8a64-420c390055eb", "4633458b-17de-408a-b874-0445c86b69e6" })
        {
            Assert.Contains(role, rbac, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_module_main_bicep_references_exists_and_azure_yaml_deploys_the_functions_project()
    {
        var main = Read("main.bicep");
        var modules = ModuleReference().Matches(main).Select(m => m.Groups["path"].Value).ToList();

        Assert.NotEmpty(modules);
        Assert.All(modules, m => Assert.True(File.Exists(Path.Combine(Infra, m)), $"missing module {m}"));
        var azure = File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "azure.yaml"));
        Assert.Contains("project: ./src/Functions/", azure, StringComparison.Ordinal);
        Assert.Contains("host: function", azure, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(AzuriteFixture.RepositoryRoot, "scripts", "postprovision.sh")));
        var abbreviations = JsonNode.Parse(Read("abbreviations.json"))!.AsObject();
        Assert.All(AbbreviationUse().Matches(main).Select(m => m.Groups["key"].Value), k => Assert.True(abbreviations.ContainsKey(k), k));
    }

    [GeneratedRegex(@"^\s*'?(?<name>(CoachFlow|AzureWebJobsStorage|APPLICATIONINSIGHTS|AZURE)[A-Za-z0-9_${}]*)'?\s*:\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"module \w+ '(?<path>[^']+)'")]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"abbrs\.(?<key>\w+)")]
    private static partial Regex AbbreviationUse();
}
