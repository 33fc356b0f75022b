using System.Net;
using System.Net.Http.Json;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.Browser;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Outages;

/// <summary>
/// The local host running on the real engine over an Azurite of the test's own, which the test stops under it:
/// an intake gets 503 with Retry-After and stores nothing, a coach's click gets a page asking to try again and
/// changes nothing; once storage is back, the same click works and the engagement carries on by itself.
/// </summary>
public sealed class StorageOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_storage_down_nothing_is_accepted_half_and_the_engagement_carries_on_when_it_returns()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string> { ["CoachFlow:Storage:ConnectionString"] = azurite.ConnectionString });
        await using var stores = HostStores.For(host.TablePrefix, azurite.ConnectionString);
        using var http = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var drive = new LifecycleDriver(stores, http);
        await drive.StartAsync();
        var invite = await drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Invite");

        await azurite.StopAsync();
        var intake = SampleIntake.Json();
        intake["email"] = "during.the.outage@example.com";
        using var refusedIntake = await http.PostAsJsonAsync("/api/intake", intake, Ct);
        using var click = new HttpRequestMessage(HttpMethod.Post, invite) { Content = new FormUrlEncodedContent([]), Headers = { { "Accept", "text/html" } } };
        using var refusedClick = await http.SendAsync(click, Ct);
        await azurite.RestartAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedIntake.StatusCode);
        Assert.Equal("application/problem+json", refusedIntake.Content.Headers.ContentType?.MediaType);
        Assert.True(refusedIntake.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedClick.StatusCode);
        Assert.Contains("Please try again in a minute", await refusedClick.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(Stage.AwaitingCoachTriage, await drive.StageAsync());

        var clickedAgain = await drive.PostAsync(invite);
        Assert.Equal(HttpStatusCode.OK, clickedAgain.StatusCode);
        await drive.WaitForStageAsync(Stage.AwaitingBooking, TimeSpan.FromMinutes(2));
        await drive.EmailAsync(LifecycleDriver.ClientEmail, "Sam Rivers Coaching would love to meet you", TimeSpan.FromMinutes(2));
        Assert.Single(await TableRows.EngagementsAsync(stores.GetRequiredService<CoachFlowTables>()));
    }
}
