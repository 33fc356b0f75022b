namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// The sidecar's web host listens to no console signals of its own: the local host starts and stops
/// it, so Ctrl+C cannot stop the sidecar before the worker that depends on it.
/// </summary>
internal sealed class SidecarHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
