extern alias functions;

using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Tests.TestSupport;
using CoachFlow.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The Functions app as azd deploys it: published with the house rules, and the
/// <c>functions.metadata</c> the Worker SDK writes (what the Functions host reads to know the app's
/// functions) checked against the route table and the workflow's activities. Publishing copies what the test
/// build already made, so it is light enough to run beside the other tests rather than after them, alone.
/// </summary>
public sealed class FunctionsAppTests() : AppTest(new CoachFlowApp(fakeClock: true))
{
    private static readonly Lazy<Task<PublishedFunctions>> Published = new(PublishedFunctions.PublishAsync);

    [Fact]
    public async Task The_published_metadata_holds_the_orchestrator_one_activity_function_per_activity_and_the_retention_timer()
    {
        var published = await Published.Value;

        var orchestrator = Assert.Single(published.WithTrigger("orchestrationTrigger"));
        Assert.Equal(EngagementWorkflow.Name, orchestrator["name"]!.GetValue<string>());
        Assert.Equal("CoachFlow.Functions.Workflow.EngagementOrchestrator.Run", orchestrator["entryPoint"]!.GetValue<string>());
        var activities = published.WithTrigger("activityTrigger").Select(f => f["name"]!.GetValue<string>()).ToList();
        Assert.Equal(LifecycleActivities.All.Order(StringComparer.Ordinal), activities.Order(StringComparer.Ordinal));
        var retention = Assert.Single(published.WithTrigger("timerTrigger"));
        Assert.Equal("EraseExpiredEngagements", retention["name"]!.GetValue<string>());
        Assert.Equal(
            LifecycleActivities.All.Count + CoachFlowRoutes.All.Count + 2,
            published.Functions.Count);
        Assert.All(published.Functions, f => Assert.Equal("CoachFlow.Functions.dll", f["scriptFile"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(published.Folder, "CoachFlow.Functions.dll")));
    }

    [Fact]
    public async Task The_published_metadata_has_one_anonymous_http_function_per_route_with_its_path_method_and_a_durable_client()
    {
        var published = await Published.Value;
        var http = published.WithTrigger("httpTrigger").ToList();

        foreach (var route in CoachFlowRoutes.All)
        {
            var function = Assert.Single(http, f => f["name"]!.GetValue<string>() == route.Name);
            var trigger = function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;
            Assert.Equal(route.Pattern.TrimStart('/'), trigger["route"]!.GetValue<string>());
            Assert.Equal([route.Method.ToLowerInvariant()], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.Equal("Anonymous", trigger["authLevel"]!.GetValue<string>());
            Assert.Contains(function["bindings"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "durableClient");
        }

        Assert.Equal(CoachFlowRoutes.All.Count, http.Count);
    }

    [Fact]
    public async Task The_published_host_json_names_the_task_hub_by_the_shared_setting_and_the_default_version()
    {
        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine((await Published.Value).Folder, "host.json"), Ct))!;

        Assert.Equal("%CoachFlow__Workflow__TaskHub%", host["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>());
        Assert.Equal(new LocalHost.Engine.EngineOptions().DefaultVersion, host["extensions"]!["durableTask"]!["defaultVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Every_non_dev_route_of_the_local_host_is_in_the_shared_route_table()
    {
        var localRoutes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Method: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single()))
            .Where(r => !r.Path.StartsWith("/dev/", StringComparison.Ordinal))
            .ToHashSet();

        Assert.Equal(localRoutes, CoachFlowRoutes.All.Select(r => (Path: r.Pattern, r.Method)).ToHashSet());
    }

    /// <summary>
    /// <c>dotnet publish</c> of src/Functions into a folder of its own, once per test run, in the configuration this
    /// assembly was built in and without building: building the tests built src/Functions (a project reference) with
    /// the same house rules, functions.metadata included. A Release build from scratch took two to three minutes of
    /// CPU on the shared 2-core machine, and its functions.metadata, host.json and file list were the same.
    /// </summary>
    private sealed record PublishedFunctions(string Folder, IReadOnlyList<JsonObject> Functions)
    {
        public IEnumerable<JsonObject> WithTrigger(string type) =>
            Functions.Where(f => f["bindings"]!.AsArray().Any(b => b!["type"]!.GetValue<string>() == type));

        private static readonly string Configuration = typeof(PublishedFunctions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        public static async Task<PublishedFunctions> PublishAsync()
        {
            var folder = Path.Combine(Path.GetTempPath(), "coachflow-functions-" + Guid.NewGuid().ToString("N")[..8]);
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { "publish", Path.Combine(AzuriteFixture.RepositoryRoot, "src", "Functions"), "-c", Configuration, "--no-build", "-o", folder, "-nologo" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await error}");
            var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "functions.metadata")))!.AsArray();
            return new PublishedFunctions(folder, [.. metadata.Select(f => f!.AsObject())]);
        }
    }
}
