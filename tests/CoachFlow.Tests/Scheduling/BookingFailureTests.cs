using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CoachFlow.Tests.Scheduling;

/// <summary>
/// A booking that fails after its slot was reserved (here: storage refuses the engagement's write) must
/// not leave the slot blocked: the client is told to try again, and the time is free for them or anyone.
/// </summary>
public sealed class BookingFailureTests() : AppTest(new CoachFlowApp(fakeClock: true, services: s => s.AddSingleton(Tables())), followRedirects: false)
{
    private static readonly RefuseEngagementWrites Refuse = new();

    [Fact]
    public async Task A_booking_whose_engagement_write_fails_frees_the_slot_it_reserved()
    {
        var accepted = await (await SampleIntake.PostJsonAsync(Client, SampleIntake.Json())).Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(EngagementId.TryParse(accepted!["engagementId"]!.GetValue<string>(), out var id));

        // Booking opens once the client is invited; the workflow would record that stage after a triage this test skips.
        await new LifecycleDriver(App, Client).Following(id).WaitForStageAsync(Stage.AwaitingCoachTriage);
        Assert.NotNull(await App.Get<EngagementStore>().UpdateAsync(id, e => e with { Stage = Stage.AwaitingBooking }, Ct));
        var token = App.Get<PublicLinks>().Book(id).AbsolutePath.Split('/')[^1];

        HttpResponseMessage refused;
        Refuse.Armed = true;
        try
        {
            refused = await Client.PostAsync($"/book/{token}", new FormUrlEncodedContent([new("slot", "2026-11-25T13:00:00Z")]), Ct);
        }
        finally
        {
            Refuse.Armed = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Null((await App.Get<EngagementStore>().GetAsync(id, Ct))!.Chemistry);
        var start = Instant.FromDateTimeOffset(CoachFlowApp.Start);
        Assert.Empty(await App.Get<SlotReservationStore>().ListAsync("sam-rivers", start, start + Duration.FromDays(30), Ct));
        var again = await Client.PostAsync($"/book/{token}", new FormUrlEncodedContent([new("slot", "2026-11-25T13:00:00Z")]), Ct);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
    }

    private static TableServiceClient Tables()
    {
        var options = new TableClientOptions();
        options.AddPolicy(Refuse, HttpPipelinePosition.PerCall);
        return new TableServiceClient(AzuriteFixture.ConnectionString, options);
    }

    /// <summary>While armed, answers every replace of an engagement row as storage failing on its side would.</summary>
    private sealed class RefuseEngagementWrites : HttpPipelinePolicy
    {
        public bool Armed { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Check(HttpMessage message)
        {
            if (Armed && message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.Contains("Engagements(", StringComparison.Ordinal))
            {
                throw new RequestFailedException((int)HttpStatusCode.ServiceUnavailable, "Storage refused the write (test).");
            }
        }
    }
}
