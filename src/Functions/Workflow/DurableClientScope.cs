using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Workflow;

/// <summary>
/// The isolated worker hands out <see cref="DurableTaskClient"/> per invocation (through
/// <c>[DurableClient]</c>), not through dependency injection. The HTTP functions make it current for
/// the duration of the call; <see cref="DurableWorkflowClient"/> uses whichever is current.
/// </summary>
public static class DurableClientScope
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    public static DurableTaskClient Client =>
        Current.Value ?? throw new InvalidOperationException("No Durable client is current: only HTTP functions with a [DurableClient] binding may use IWorkflowClient.");

    public static IDisposable Use(DurableTaskClient client)
    {
        var previous = Current.Value;
        Current.Value = client;
        return new Restore(previous);
    }

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
