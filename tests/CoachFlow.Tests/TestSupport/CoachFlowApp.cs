using CoachFlow.Infrastructure.Storage;
using CoachFlow.LocalHost.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// The local host in memory, configured by its own appsettings.Development.json, with its own
/// tables (deleted afterwards) and, unless <paramref name="fakeClock"/> is false, a fake clock.
/// Extra settings override the sample profile; <paramref name="services"/> adds test services.
/// </summary>
public sealed class CoachFlowApp(
    IReadOnlyDictionary<string, string?>? settings = null,
    bool fakeClock = true,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public string TablePrefix { get; } = AzuriteFixture.UniqueTablePrefix();

    public FakeTimeProvider Clock { get; } = new(Start);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("CoachFlow:Storage:ConnectionString", AzuriteFixture.ConnectionString);
        builder.UseSetting("CoachFlow:Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
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

    /// <summary>Stops the host first (its workflow runtime included), then deletes the test's tables.</summary>
    public override async ValueTask DisposeAsync()
    {
        List<Azure.Data.Tables.TableClient> tables = [];
        try
        {
            var coachFlowTables = Get<CoachFlowTables>();
            tables = [.. TableName.All.Select(coachFlowTables.Get), coachFlowTables.Get(Get<IOptions<WorkflowRuntimeOptions>>().Value.TableName)];
        }
        catch (Exception e) when (e is OptionsValidationException or ObjectDisposedException)
        {
            // A start-up validation test: the host never started, so it made no tables.
        }

        await base.DisposeAsync();
        foreach (var table in tables)
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }
}
