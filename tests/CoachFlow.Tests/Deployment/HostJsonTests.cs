using System.Text.Json.Nodes;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.LocalHost.Engine;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Deployment;

/// <summary>host.json is the Functions host's half of the settings the local host also has: they must agree.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonNode Host = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "host.json")))!;

    private static JsonNode DurableTask => Host["extensions"]!["durableTask"]!;

    [Fact]
    public void Routes_have_no_prefix_so_both_hosts_serve_the_same_paths()
    {
        Assert.Equal(string.Empty, Host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
    }

    [Fact]
    public void The_task_hub_is_the_setting_the_local_host_reads_and_the_provider_is_azure_storage()
    {
        Assert.Equal("%CoachFlow__Workflow__TaskHub%", DurableTask["hubName"]!.GetValue<string>());
        Assert.Equal("CoachFlow", new WorkflowOptions().TaskHub);
        Assert.Equal("AzureStorage", DurableTask["storageProvider"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void New_instances_start_with_the_same_version_on_both_hosts_and_it_parses_as_a_version()
    {
        var version = DurableTask["defaultVersion"]!.GetValue<string>();

        Assert.Equal(new EngineOptions().DefaultVersion, version);
        Assert.True(Version.TryParse(version, out _), $"'{version}' is compared as text unless it parses as a System.Version");
    }
}
