using CoachFlow.Infrastructure.DevelopmentStorage;
using Microsoft.Extensions.Logging.Abstractions;

[assembly: AssemblyFixture(typeof(CoachFlow.Tests.TestSupport.AzuriteFixture))]

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// Starts Azurite for the test run the same way the local host does (reusing one that already
/// answers), in memory so runs leave nothing behind. Tests isolate themselves with table prefixes.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private AzuriteProcess? _azurite;

    public static string RepositoryRoot =>
        AzuriteSettings.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Tests must run inside the CoachFlow repository (package.json pins Azurite).");

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot;
        var settings = new AzuriteSettings(root, EmulatorConnection.DefaultTablePort, Path.Combine(root, ".azurite", "tests"), InMemory: true);
        _azurite = await AzuriteProcess.EnsureRunningAsync(settings, NullLogger.Instance, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A table prefix no other test or run shares.</summary>
    public static string UniqueTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A task hub no other test or run shares (it names tables, queues and containers).</summary>
    public static string UniqueTaskHub() => "h" + Guid.NewGuid().ToString("N")[..12];
}
