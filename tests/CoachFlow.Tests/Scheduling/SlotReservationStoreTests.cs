using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Tests.TestSupport;
using NodaTime;

namespace CoachFlow.Tests.Scheduling;

public sealed class SlotReservationStoreTests() : AppTest(new CoachFlowApp(fakeClock: true))
{
    private static readonly Slot Slot = new(Instant.FromUtc(2027, 1, 4, 9, 0), Instant.FromUtc(2027, 1, 4, 9, 30));

    [Fact]
    public async Task Twenty_clients_racing_for_one_slot_produce_exactly_one_reservation()
    {
        var store = App.Get<SlotReservationStore>();
        var contenders = Enumerable.Range(0, 20).Select(_ => EngagementIds.New()).ToList();

        var results = await Task.WhenAll(contenders.Select(id => Task.Run(() => store.TryReserveAsync("sam", Slot, id, Ct), Ct)));

        Assert.Single(results, won => won);
        Assert.Equal([Slot], await store.ListAsync("sam", Slot.Start - Duration.FromDays(1), Slot.End, Ct));
    }

    [Fact]
    public async Task Only_the_holder_can_release_a_slot_and_releasing_twice_is_harmless()
    {
        var store = App.Get<SlotReservationStore>();
        var holder = EngagementIds.New();
        await store.TryReserveAsync("sam", Slot, holder, Ct);

        await store.ReleaseAsync("sam", Slot.Start, EngagementIds.New(), Ct);
        Assert.Single(await store.ListAsync("sam", Slot.Start, Slot.End, Ct));

        await store.ReleaseAsync("sam", Slot.Start, holder, Ct);
        await store.ReleaseAsync("sam", Slot.Start, holder, Ct);
        Assert.Empty(await store.ListAsync("sam", Slot.Start, Slot.End, Ct));
        Assert.True(await store.TryReserveAsync("sam", Slot, EngagementIds.New(), Ct));
    }

    [Fact]
    public async Task Reservations_are_per_coach_and_listed_by_range()
    {
        var store = App.Get<SlotReservationStore>();
        var later = new Slot(Slot.Start + Duration.FromDays(7), Slot.End + Duration.FromDays(7));
        await store.TryReserveAsync("sam", Slot, EngagementIds.New(), Ct);
        await store.TryReserveAsync("sam", later, EngagementIds.New(), Ct);

        Assert.True(await store.TryReserveAsync("alex", Slot, EngagementIds.New(), Ct));
        Assert.Equal([Slot], await store.ListAsync("sam", Slot.Start, later.Start, Ct));
    }
}
