using CoachFlow.Infrastructure.DevelopmentStorage;

namespace CoachFlow.LocalHost.DevTools;

/// <summary>
/// In Development, starts Azurite before anything touches storage (lifecycle "starting" runs
/// before every hosted service's start) and stops it with the host, if this host started it.
/// </summary>
internal sealed class AzuriteHostedService(AzuriteSettings settings, ILogger<AzuriteHostedService> logger) : IHostedLifecycleService
{
    private AzuriteProcess? _azurite;

    public async Task StartingAsync(CancellationToken cancellationToken) =>
        _azurite = await AzuriteProcess.EnsureRunningAsync(settings, logger, cancellationToken).ConfigureAwait(false);

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
