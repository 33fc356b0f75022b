using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The stand-in for Azure in the deployment tests (Azure cannot run here): what <c>reference()</c> returns for each
/// kind of resource our templates read at deployment time, in the shape Azure returns it in the public cloud. Ids,
/// names and keys are derived from the resource's name, so one run always sees the same sample. Any other kind of
/// resource throws: a template that starts reading something new must teach this class its shape first.
/// </summary>
public static class SampleAzure
{
    public const string SubscriptionId = "5f3e9b1a-7c2d-4e8f-9a0b-1c2d3e4f5a6b";
    public const string TenantId = "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a";

    public static JsonNode Reference(string resourceId)
    {
        var (type, name) = TypeAndName(resourceId);
        return type switch
        {
            "Microsoft.ManagedIdentity/userAssignedIdentities" => new JsonObject
            {
                ["clientId"] = IdentityClientId(resourceId),
                ["principalId"] = IdentityPrincipalId(resourceId),
                ["tenantId"] = TenantId,
            },
            "Microsoft.Storage/storageAccounts" => new JsonObject
            {
                ["primaryEndpoints"] = new JsonObject
                {
                    ["blob"] = $"https://{name}.blob.core.windows.net/",
                    ["queue"] = $"https://{name}.queue.core.windows.net/",
                    ["table"] = $"https://{name}.table.core.windows.net/",
                    ["file"] = $"https://{name}.file.core.windows.net/",
                },
            },
            "Microsoft.KeyVault/vaults/secrets" => new JsonObject
            {
                ["secretUri"] = SecretUri(resourceId),
            },
            "Microsoft.Insights/components" => new JsonObject
            {
                ["ConnectionString"] = $"InstrumentationKey={Id("instrumentation", resourceId)};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/",
            },
            "Microsoft.Web/sites" => new JsonObject
            {
                ["defaultHostName"] = $"{name}.azurewebsites.net",
            },
            _ => throw new NotSupportedException($"The sample Azure does not know what reference() returns for {type} ({resourceId})."),
        };
    }

    public static string IdentityClientId(string identityId) => Id("client", identityId);

    public static string IdentityPrincipalId(string identityId) => Id("principal", identityId);

    /// <summary>A Key Vault secret's URI as Azure reports it (<c>secretUri</c>: the latest version, no version segment).</summary>
    public static string SecretUri(string secretId)
    {
        var segments = secretId.Split('/');
        return $"https://{segments[^3]}.vault.azure.net/secrets/{segments[^1]}";
    }

    /// <summary>The resource type (namespace and every type segment) and the last name of a resource id.</summary>
    public static (string Type, string Name) TypeAndName(string resourceId)
    {
        var providers = resourceId.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase);
        var segments = resourceId[(providers + "/providers/".Length)..].Split('/');
        var type = string.Join('/', segments.Where((_, i) => i == 0 || i % 2 == 1));
        return (type, segments[^1]);
    }

    private static string Id(string purpose, string resourceId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}\n{resourceId.ToUpperInvariant()}"))[..16]).ToString();
}
