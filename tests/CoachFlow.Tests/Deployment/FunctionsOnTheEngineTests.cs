extern alias functions;

using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Privacy;
using functions::CoachFlow.Functions.Privacy;
using Microsoft.Azure.Functions.Worker;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The Functions app's own orchestrator, activity functions and HTTP triggers (not the local host's
/// registrations) carry an engagement from the intake to a signed agreement on the real engine.
/// </summary>
public sealed class FunctionsOnTheEngineTests : IAsyncLifetime
{
    private FunctionsAppOnEngine _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await FunctionsAppOnEngine.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_functions_app_takes_an_engagement_from_intake_to_contract()
    {
        var drive = new LifecycleDriver(_app.Services, _app.Http);
        await drive.StartAsync(name: "Grace Hopper");
        await drive.WaitForStageAsync(Stage.AwaitingCoachTriage);
        Assert.Contains("/api/engagements/", (await drive.EmailAsync(LifecycleDriver.ClientEmail, "Thank you for getting in touch, Grace")).Links.Single(l => l.Label == "Follow progress").Url.AbsolutePath, StringComparison.Ordinal);

        await drive.ThroughSessionAsync();
        Assert.Equal(HttpStatusCode.OK, (await drive.ReflectAsync(Actor.Client, "yes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await drive.ReflectAsync(Actor.Coach, "yes")).StatusCode);
        await drive.WaitForStageAsync(Stage.AwaitingAgreement);
        var agreement = await drive.LinkAsync(LifecycleDriver.ClientEmail, "You both said yes", "Read and accept the agreement");
        Assert.Contains("Confidentiality and its limits", await _app.Http.GetStringAsync(agreement, Ct), StringComparison.Ordinal);
        await drive.PostAsync(agreement, ("accept", "yes"), ("signature", "Grace Brewster Hopper"));

        await drive.WaitForStageAsync(Stage.Contracted);
        await drive.EmailAsync(LifecycleDriver.ClientEmail, "Welcome: your coaching with Sam Rivers Coaching is agreed");
        Assert.Contains("signed \"Grace Brewster Hopper\"", (await drive.EmailAsync(LifecycleDriver.CoachEmail, "Agreement accepted: Grace Hopper")).Text, StringComparison.Ordinal);
        Assert.Equal(
            ["Received", "AwaitingCoachTriage", "AwaitingBooking", "ChemistryScheduled", "AwaitingDecisions", "AwaitingAgreement", "Contracted"],
            await drive.StagesRecordedAsync());
        var signature = await _app.Services.GetRequiredService<EngagementRecords>().GetAsync<AgreementSignature>(drive.Id, EngagementRecords.Agreement, Ct);
        Assert.Equal("Grace Brewster Hopper", signature!.SignedName);
    }

    [Fact]
    public async Task The_functions_apps_timer_erases_an_engagement_past_its_retention()
    {
        await using var app = await FunctionsAppOnEngine.StartAsync(new Dictionary<string, string?> { ["CoachFlow:Retention:EndedWithoutContract"] = "PT1S" });
        var drive = new LifecycleDriver(app.Services, app.Http);
        await drive.StartAsync();
        await drive.PostAsync(await drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Decline"));
        await drive.WaitForStageAsync(Stage.Declined);
        await drive.EmailAsync(LifecycleDriver.ClientEmail, "Thank you for getting in touch with Sam Rivers Coaching");
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);

        await app.RunAsync<RetentionFunction>((function, durable) => function.Run(new TimerInfo(), durable, Ct));

        Assert.Null(await app.Services.GetRequiredService<EngagementStore>().GetAsync(drive.Id, Ct));
        Assert.Equal("System", (await app.Services.GetRequiredService<ErasureTombstones>().GetAsync(drive.Id, Ct))!.RequestedBy);
        Assert.Null(await app.Durable.GetInstanceAsync(drive.Id.Value, Ct));
    }
}
