using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Engagements;

public sealed class EngagementStoreTests : IAsyncLifetime
{
    private static readonly IntakeAnswers Answers = new(
        "Ada Lovelace", "ada@example.com", "Europe/London", "Lead well.\nAnd rest.", ["Communication", "Adaptability"],
        MentalHealthSupport.Yes, "Weekly therapy", "A friend");

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 30, 0, TimeSpan.Zero);

    private readonly CoachFlowApp _app = new();
    private EngagementStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app.CreateClient().Dispose();
        _store = _app.Get<EngagementStore>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task An_engagement_round_trips_through_azurite()
    {
        var id = EngagementIds.New();

        var creation = await _store.CreateAsync(id, Answers, idempotencyKey: null, Now, Ct);
        var read = await _store.GetAsync(id, Ct);

        Assert.True(creation.Created);
        Assert.NotNull(read);
        Assert.Equal(id, read.Id);
        Assert.Equal(Stage.Received, read.Stage);
        Assert.Equal(Now, read.CreatedAt);
        Assert.Equal(Now, read.UpdatedAt);
        Assert.Equal(Answers with { FocusAreas = [] }, read.Intake with { FocusAreas = [] });
        Assert.Equal(Answers.FocusAreas, read.Intake.FocusAreas);
    }

    [Fact]
    public async Task An_unknown_id_reads_as_null() =>
        Assert.Null(await _store.GetAsync(EngagementIds.New(), Ct));

    [Fact]
    public async Task Racing_repeats_with_one_key_converge_on_one_engagement()
    {
        var creations = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(_ => _store.CreateAsync(EngagementIds.New(), Answers, "double-click", Now, Ct)));

        Assert.Single(creations.Select(c => c.Engagement.Id).Distinct());
        Assert.Single(creations, c => c.Created);
        Assert.Single(await TableRows.EngagementsAsync(_app));
    }

    [Fact]
    public async Task A_repeat_after_a_crash_between_key_and_engagement_still_stores_the_answers()
    {
        // Simulate the first request dying after claiming the key: the key row exists, the engagement does not.
        var first = await _store.CreateAsync(EngagementIds.New(), Answers, "crash-key", Now, Ct);
        await _app.Get<CoachFlowTables>().Get(TableName.Engagements).DeleteEntityAsync(first.Engagement.Id.Value, EngagementEntity.RowKeyValue, cancellationToken: Ct);

        var repeat = await _store.CreateAsync(EngagementIds.New(), Answers, "crash-key", Now, Ct);

        Assert.True(repeat.Created);
        Assert.Equal(first.Engagement.Id, repeat.Engagement.Id);
        Assert.NotNull(await _store.GetAsync(first.Engagement.Id, Ct));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_engagement_all_survive()
    {
        var id = EngagementIds.New();
        await _store.CreateAsync(id, Answers with { FocusAreas = [] }, idempotencyKey: null, Now, Ct);
        var writers = Enumerable.Range(0, 16).Select(i => $"writer-{i:D2}").ToList();

        // Each writer adds its own mark on top of what it read: a write that ignored the row's ETag would drop the marks of writers it overtook.
        var updates = await Task.WhenAll(writers.Select(mark => Task.Run(
            () => _store.UpdateAsync(id, e => e with { Intake = e.Intake with { FocusAreas = [.. e.Intake.FocusAreas, mark] } }, Ct), Ct)));

        Assert.All(updates, u => Assert.True(u!.Changed));
        Assert.Equal(writers, (await _store.GetAsync(id, Ct))!.Intake.FocusAreas.Order());
    }

    [Fact]
    public async Task Key_rows_hold_no_personal_data()
    {
        await _store.CreateAsync(EngagementIds.New(), Answers, "my-key", Now, Ct);

        var row = Assert.Single(await TableRows.AllAsync(_app, TableName.IntakeKeys));
        var values = string.Join("|", row.Select(kv => kv.Value?.ToString()));
        foreach (var personal in new[] { "ada@example.com", "Lovelace", "Lead well", "my-key" })
        {
            Assert.DoesNotContain(personal, values, StringComparison.OrdinalIgnoreCase);
        }
    }
}
