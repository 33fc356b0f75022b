using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Deployment;

public sealed class FunctionsAppTests() : AppTest(new CoachFlowApp())
{
    private static readonly FunctionsSource Source = FunctionsSource.Load();

    [Fact]
    public void Every_activity_the_workflow_calls_has_exactly_one_activity_function_of_that_name()
    {
        var activityFunctions = Source.Functions.Where(f => f.Triggers.Contains("ActivityTrigger")).ToList();

        foreach (var activity in LifecycleActivities.All)
        {
            Assert.Single(activityFunctions, f => f.Name == activity);
        }

        Assert.Equal(LifecycleActivities.All.Order(StringComparer.Ordinal), activityFunctions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_activity_name_is_one_the_workflow_source_really_calls()
    {
        var workflow = File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "src", "Domain", "Lifecycle", "EngagementWorkflow.cs"));
        var called = CSharpSyntaxTree.ParseText(workflow, cancellationToken: Ct).GetRoot(Ct).DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Expression.ToString() == nameof(LifecycleActivities))
            .Select(m => FunctionsSource.Resolve(m))
            .OfType<string>()
            .ToHashSet();

        Assert.Equal(LifecycleActivities.All.ToHashSet(), called);
    }

    [Fact]
    public void The_orchestrator_function_is_named_as_the_intake_schedules_it()
    {
        var orchestrator = Assert.Single(Source.Functions, f => f.Triggers.Contains("OrchestrationTrigger"));
        var intake = File.ReadAllText(Path.Combine(AzuriteFixture.RepositoryRoot, "src", "Infrastructure", "Intake", "IntakeApi.cs"));
        var scheduled = CSharpSyntaxTree.ParseText(intake, cancellationToken: Ct).GetRoot(Ct).DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression.ToString().EndsWith("ScheduleNewOrchestrationInstanceAsync", StringComparison.Ordinal));

        Assert.Equal(EngagementWorkflow.Name, orchestrator.Name);
        Assert.Equal(orchestrator.Name, FunctionsSource.Resolve(scheduled.ArgumentList.Arguments[0].Expression));
        Assert.Contains("EngagementWorkflow.RunAsync", orchestrator.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_non_dev_route_of_the_local_host_has_an_http_function_with_the_same_path_and_method()
    {
        var localRoutes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Method: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single()))
            .Where(r => !r.Path.StartsWith("/dev/", StringComparison.Ordinal))
            .ToHashSet();
        var httpFunctions = Source.Functions.Where(f => f.Triggers.Contains("HttpTrigger")).ToList();

        Assert.Equal(localRoutes, CoachFlowRoutes.All.Select(r => (Path: r.Pattern, r.Method)).ToHashSet());
        foreach (var route in CoachFlowRoutes.All)
        {
            var function = Assert.Single(httpFunctions, f => f.Name == route.Name);
            Assert.Equal([route.Method], function.HttpMethods);
            Assert.Equal(route.Pattern.TrimStart('/'), function.Route);
            Assert.Equal(route.Name, function.ForwardsTo);
            Assert.Contains("AuthorizationLevel.Anonymous", function.Source, StringComparison.Ordinal);
        }

        Assert.Equal(CoachFlowRoutes.All.Count, httpFunctions.Count);
    }

    [Fact]
    public void Functions_never_hand_out_durables_management_urls()
    {
        Assert.DoesNotContain(Source.Functions, f => f.Source.Contains("CreateHttpManagementPayload", StringComparison.Ordinal)
            || f.Source.Contains("CreateCheckStatusResponse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_route_table_as_request_delegates_answers_like_the_mapped_endpoints()
    {
        var delegates = CoachFlowRoutes.CreateRequestDelegates(App.Services);
        var context = new DefaultHttpContext { RequestServices = App.Services };
        context.Response.Body = new MemoryStream();

        await delegates["Health"](context);

        context.Response.Body.Position = 0;
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(await Client.GetStringAsync("/api/health", Ct), await new StreamReader(context.Response.Body).ReadToEndAsync(Ct));

        var form = new DefaultHttpContext { RequestServices = App.Services };
        form.Response.Body = new MemoryStream();
        form.Request.RouteValues["token"] = "not-a-token";
        await delegates["ShowBooking"](form);
        Assert.Equal(404, form.Response.StatusCode);
    }
}
