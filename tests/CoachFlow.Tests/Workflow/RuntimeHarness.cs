using Azure.Data.Tables;
using CoachFlow.Domain.Workflow;
using CoachFlow.LocalHost.Workflow;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachFlow.Tests.Workflow;

/// <summary>
/// A local runtime over its own Azurite table with a fake clock. <see cref="RestartAsync"/> drops the
/// runtime (as a crash or shutdown would) and starts a new one over the same table.
/// </summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TableClient _table;

    public RuntimeHarness(Action<WorkflowRegistry> register, Action<WorkflowRuntimeOptions>? configure = null)
    {
        _table = new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient(AzuriteFixture.UniqueTablePrefix() + "Workflows");
        Options = new WorkflowRuntimeOptions { ActivityFirstRetryInterval = TimeSpan.FromMilliseconds(1), ActivityMaxAttempts = 3 };
        configure?.Invoke(Options);
        Registry = new WorkflowRegistry();
        register(Registry);
        Runtime = NewRuntime(Registry);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public WorkflowRuntimeOptions Options { get; }

    public WorkflowRegistry Registry { get; private set; }

    public LocalWorkflowRuntime Runtime { get; private set; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<RuntimeHarness> StartAsync()
    {
        await Runtime.StartAsync(Ct);
        return this;
    }

    public Task IdleAsync() => Runtime.WhenIdleAsync(TimeSpan.FromSeconds(60));

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await IdleAsync();
    }

    public async Task<WorkflowInstance> InstanceAsync(string id) =>
        await Runtime.GetInstanceAsync(id, Ct) ?? throw new InvalidOperationException($"No instance '{id}'.");

    /// <summary>Stops this runtime mid-flight and starts a fresh one over the same table, optionally with changed code.</summary>
    public async Task RestartAsync(Action<WorkflowRegistry>? register = null)
    {
        await Runtime.DisposeAsync();
        if (register is not null)
        {
            Registry = new WorkflowRegistry();
            register(Registry);
        }

        Runtime = NewRuntime(Registry);
        await Runtime.StartAsync(Ct);
    }

    public async Task<List<TableEntity>> RowsAsync(string instanceId, string prefix)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: Ct))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await _table.DeleteAsync(CancellationToken.None);
    }

    private LocalWorkflowRuntime NewRuntime(WorkflowRegistry registry) =>
        new(new WorkflowStore(_table), registry, Clock, new ServiceCollection().BuildServiceProvider(), Microsoft.Extensions.Options.Options.Create(Options), NullLogger<LocalWorkflowRuntime>.Instance);
}
