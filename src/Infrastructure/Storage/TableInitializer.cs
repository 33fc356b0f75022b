using Microsoft.Extensions.Hosting;

namespace CoachFlow.Infrastructure.Storage;

/// <summary>Creates the tables before the host takes its first request.</summary>
public sealed class TableInitializer(CoachFlowTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.CreateAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
