using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Identity;
using CoachFlow.Infrastructure;
using CoachFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The Functions app starting in Azure on a simulated deployment's settings, as far as it can start here:
/// <list type="bullet">
/// <item>the Functions host resolves host.json's <c>%setting%</c> names and the Durable extension's
/// <c>AzureWebJobsStorage</c> connection: a service URI per storage service and a credential built by the same
/// <see cref="AzureComponentFactory"/> the extension uses, which must be the app's user-assigned identity with the
/// data role each service needs (azure-functions-durable-extension, StorageServiceClientProvider);</item>
/// <item>Flex Consumption keeps the always-ready instance Microsoft's Durable guidance asks for;</item>
/// <item>the worker runs CoachFlow's own start-up: <c>AddCoachFlow</c> and the options validator, on the settings
/// as configuration sees them (<c>CoachFlow__Coach__Email</c> is <c>CoachFlow:Coach:Email</c>), and its table
/// client must reach an account of this deployment as an identity that may write tables.</item>
/// </list>
/// Each problem is one line naming the setting or role at fault.
/// </summary>
public sealed partial class FunctionsAppStart
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    /// <summary>Microsoft's guidance for Durable Functions on Flex Consumption: poll the queues every 10 s or less.</summary>
    public static readonly TimeSpan MaxQueuePollingInterval = TimeSpan.FromSeconds(10);

    private static readonly (string Service, string Role, string RoleName)[] DurableStorage =
    [
        ("blob", StorageBlobDataOwner, "Storage Blob Data Owner"),
        ("queue", StorageQueueDataContributor, "Storage Queue Data Contributor"),
        ("table", StorageTableDataContributor, "Storage Table Data Contributor"),
    ];

    private readonly SimulatedDeployment _deployment;
    private readonly List<string> _problems = [];

    private FunctionsAppStart(SimulatedDeployment deployment) => _deployment = deployment;

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The validated options the app runs with; null when validation refused them.</summary>
    public CoachFlowOptions? Options { get; private set; }

    public TableServiceClient? Tables { get; private set; }

    public static FunctionsAppStart Run(SimulatedDeployment deployment, JsonObject hostJson)
    {
        var start = new FunctionsAppStart(deployment);
        var settings = deployment.AppSettingsAsAppServiceResolvesThem();
        // App settings reach the worker as environment variables; "__" separates configuration sections.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        start.CheckHostJson(hostJson, settings);
        start.CheckDurableStorage(configuration.GetSection("AzureWebJobsStorage"));
        start.CheckAlwaysReady();
        start.StartCoachFlow(configuration);
        return start;
    }

    private void CheckHostJson(JsonObject hostJson, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var name in SettingName().Matches(hostJson.ToJsonString()).Select(m => m.Groups["name"].Value).Distinct())
        {
            if (!settings.ContainsKey(name))
            {
                _problems.Add($"host.json refers to %{name}%, which no app setting defines: the Functions host cannot start the Durable extension.");
            }
        }

        var polling = hostJson["extensions"]?["durableTask"]?["storageProvider"]?["maxQueuePollingInterval"]?.GetValue<string>();
        // Without it the Azure Storage provider waits up to 30 s between polls of an idle queue.
        var interval = polling is null ? TimeSpan.FromSeconds(30) : TimeSpan.Parse(polling, CultureInfo.InvariantCulture);
        if (interval > MaxQueuePollingInterval)
        {
            _problems.Add($"host.json durableTask.storageProvider.maxQueuePollingInterval is {interval}: Durable on Flex Consumption should poll every {MaxQueuePollingInterval} or less.");
        }
    }

    private void CheckDurableStorage(IConfigurationSection connection)
    {
        if (!string.IsNullOrEmpty(connection.Value))
        {
            _problems.Add("AzureWebJobsStorage is a connection string, but the storage account takes no shared keys.");
            return;
        }

        var azure = new ServiceCollection();
        azure.AddAzureClientsCore();
        using var components = azure.BuildServiceProvider();
        var credential = components.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(connection);
        if (credential is not ManagedIdentityCredential)
        {
            _problems.Add($"AzureWebJobsStorage__credential must be 'managedidentity' for a user-assigned identity; the Durable extension would use a {credential.GetType().Name}.");
        }

        var principal = AssignedIdentityPrincipal(connection["clientId"], "AzureWebJobsStorage__clientId");
        foreach (var (service, role, roleName) in DurableStorage)
        {
            var setting = $"AzureWebJobsStorage__{service}ServiceUri";
            if (!Uri.TryCreate(connection[$"{service}ServiceUri"], UriKind.Absolute, out var uri))
            {
                _problems.Add($"{setting} is missing: the Durable extension's Azure Storage provider cannot reach the {service} service.");
                continue;
            }

            var account = StorageAccountOf(uri, setting);
            if (account is not null && principal is not null && !_deployment.HasRole(principal, account, role))
            {
                _problems.Add($"The identity in AzureWebJobsStorage__clientId lacks {roleName} on {account}: the Durable task hub's {service}s are out of its reach.");
            }
        }
    }

    private void CheckAlwaysReady()
    {
        var alwaysReady = _deployment.Site.Body["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["alwaysReady"] as JsonArray;
        var durable = alwaysReady?.SingleOrDefault(g => g!["name"]!.GetValue<string>() == "durable")?["instanceCount"]?.GetValue<long>() ?? 0;
        if (durable < 1)
        {
            _problems.Add("No always-ready instance for the 'durable' group: after scale to zero a click or a due timer waits for a cold start.");
        }
    }

    private void StartCoachFlow(IConfiguration configuration)
    {
        using var services = new ServiceCollection().AddLogging().AddCoachFlow(configuration).BuildServiceProvider();
        try
        {
            Options = services.GetRequiredService<IOptions<CoachFlowOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            _problems.AddRange(e.Failures);
            return;
        }

        Tables = services.GetRequiredService<TableServiceClient>();
        var account = StorageAccountOf(Tables.Uri, "CoachFlow__Storage__TableServiceUri");
        var principal = AssignedIdentityPrincipal(Options.Storage.ManagedIdentityClientId, "CoachFlow__Storage__ManagedIdentityClientId");
        if (account is not null && principal is not null && !_deployment.HasRole(principal, account, StorageTableDataContributor))
        {
            _problems.Add($"The identity in CoachFlow__Storage__ManagedIdentityClientId lacks Storage Table Data Contributor on {account}: CoachFlow's tables are out of its reach.");
        }
    }

    /// <summary>The principal of the app's user-assigned identity with this client id, or null (and a problem) if the app has none such.</summary>
    private string? AssignedIdentityPrincipal(string? clientId, string setting)
    {
        var identity = _deployment.Site.Body["identity"]!["userAssignedIdentities"]!.AsObject()
            .Select(i => i.Key)
            .SingleOrDefault(id => SampleAzure.IdentityClientId(id) == clientId);
        if (identity is null)
        {
            _problems.Add($"{setting} ('{clientId}') is not the client id of an identity assigned to the app.");
            return null;
        }

        return SampleAzure.IdentityPrincipalId(identity);
    }

    /// <summary>The id of the storage account of this deployment an endpoint belongs to, or null (and a problem).</summary>
    private string? StorageAccountOf(Uri endpoint, string setting)
    {
        var name = endpoint.Host.Split('.')[0];
        var account = _deployment.Resources("storage", "Microsoft.Storage/storageAccounts").SingleOrDefault(a => a.Name == name);
        var ours = account is not null && SampleAzure.Reference(account.Id)["primaryEndpoints"]!.AsObject()
            .Select(e => e.Value!.GetValue<string>())
            .Contains(endpoint.AbsoluteUri, StringComparer.OrdinalIgnoreCase);
        if (!ours)
        {
            _problems.Add($"{setting} ('{endpoint}') is not an endpoint of a storage account this deployment creates.");
            return null;
        }

        return account!.Id;
    }

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex SettingName();
}
