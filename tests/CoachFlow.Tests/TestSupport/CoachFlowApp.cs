using CoachFlow.Infrastructure.Storage;
using CoachFlow.LocalHost.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// The local host in memory (its own appsettings.Development.json), on the real Durable Task engine
/// (the in-memory backend unless <paramref name="backend"/> says AzureStorage), with its own tables
/// (deleted afterwards) and task hub. Time is real: every lifecycle wait is long (<see cref="TestSettings"/>)
/// unless a test shortens it. <paramref name="fakeClock"/> fixes "now" for the HTTP side only (booking
/// slots, link expiry), for tests that need fixed dates and no workflow timing.
/// </summary>
public sealed class CoachFlowApp(
    IReadOnlyDictionary<string, string?>? settings = null,
    bool fakeClock = false,
    Action<IServiceCollection>? services = null,
    EngineBackend backend = EngineBackend.InMemory) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public string TablePrefix { get; } = AzuriteFixture.UniqueTablePrefix();

    public string TaskHub { get; } = AzuriteFixture.UniqueTaskHub();

    public FakeTimeProvider Clock { get; } = new(Start);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        var all = new Dictionary<string, string?>(TestSettings.Isolated(TablePrefix, TaskHub, backend));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(testServices =>
        {
            if (fakeClock)
            {
                testServices.AddSingleton<TimeProvider>(Clock);
            }

            services?.Invoke(testServices);
        });
    }

    /// <summary>
    /// Stops the host first (engine included), then deletes the test's tables. An Azure Storage task
    /// hub stays: a provider stopped just after it started may still be letting go of its partition
    /// leases, and the tests' Azurite keeps its data in memory only.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        List<Azure.Data.Tables.TableClient> tables = [];
        try
        {
            var coachFlowTables = Get<CoachFlowTables>();
            tables = [.. TableName.All.Select(coachFlowTables.Get)];
        }
        catch (Exception e) when (e is OptionsValidationException or ObjectDisposedException or InvalidOperationException)
        {
            // A start-up validation test: the host never started, so it made nothing.
        }

        await base.DisposeAsync();
        foreach (var table in tables)
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}
