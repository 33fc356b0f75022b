using CoachFlow.Domain.Engagements;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>A host that some of the moved-on engagements live on, with the <see cref="StoredState"/> the next row starts from.</summary>
public sealed class MovedOnHost(CoachFlowApp app, HttpClient client)
{
    private readonly List<EngagementId> _engagements = [];

    public CoachFlowApp App { get; } = app;

    public HttpClient Client { get; } = client;

    /// <summary>The state rows start from: taken once everything settled, and again after each row.</summary>
    public string Baseline { get; set; } = string.Empty;

    public void Add(EngagementId id)
    {
        lock (_engagements)
        {
            _engagements.Add(id);
        }
    }

    public Task<string> SnapshotAsync() => StoredState.ReadAsync(App, _engagements);

    public async Task SettleAsync() => Baseline = await StoredState.SettledAsync(App, _engagements);
}
