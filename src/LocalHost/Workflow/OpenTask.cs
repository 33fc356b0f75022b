using System.Text.Json;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>A task handed to workflow code that a history event will complete: an activity, timer or event wait.</summary>
internal abstract class OpenTask
{
    public abstract bool IsCompleted { get; }

    public abstract void SetResult(string? json);

    public abstract void SetException(Exception exception);

    public abstract void SetCanceled(CancellationToken cancellationToken);
}

/// <summary>The typed side: the payload is deserialized to what the workflow asked for.</summary>
internal sealed class OpenTask<T> : OpenTask
{
    private readonly TaskCompletionSource<T> _source = new();

    public Task<T> Task => _source.Task;

    public override bool IsCompleted => _source.Task.IsCompleted;

    public override void SetResult(string? json)
    {
        try
        {
            _source.TrySetResult(DurableJson.Deserialize<T>(json));
        }
        catch (JsonException e)
        {
            _source.TrySetException(e);
        }
    }

    public override void SetException(Exception exception) => _source.TrySetException(exception);

    public override void SetCanceled(CancellationToken cancellationToken) => _source.TrySetCanceled(cancellationToken);
}
