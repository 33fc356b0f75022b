using System.Net;
using System.Net.Sockets;
using CoachFlow.Infrastructure.DevelopmentStorage;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachFlow.Tests.DevelopmentStorage;

public sealed class AzuriteProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("UseDevelopmentStorage=true", 10002)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:20002/devstoreaccount1;", 20002)]
    [InlineData("TableEndpoint=http://localhost:10102/devstoreaccount1", 10102)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=a2V5;EndpointSuffix=core.windows.net", null)]
    [InlineData("TableEndpoint=https://prod.table.core.windows.net/", null)]
    [InlineData("", null)]
    public void Emulator_connection_strings_are_recognised_with_their_table_port(string connectionString, int? port) =>
        Assert.Equal(port, EmulatorConnection.TablePort(connectionString));

    [Fact]
    public async Task A_running_emulator_is_reused_not_started_again()
    {
        await using var azurite = await AzuriteProcess.EnsureRunningAsync(
            new AzuriteSettings(AzuriteFixture.RepositoryRoot, EmulatorConnection.DefaultTablePort, "unused"), NullLogger.Instance, Ct);

        Assert.False(azurite.Started);
    }

    [Fact]
    public async Task Missing_node_is_one_clear_line()
    {
        var emptyPath = Directory.CreateTempSubdirectory().FullName;
        var settings = new AzuriteSettings(AzuriteFixture.RepositoryRoot, FreePort(), "unused", SearchPath: emptyPath);

        var error = await Assert.ThrowsAsync<DevelopmentStorageException>(() => AzuriteProcess.EnsureRunningAsync(settings, NullLogger.Instance, Ct));

        Assert.StartsWith("Node.js was not found on PATH", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Azurite_is_started_on_the_configured_port_and_stopped_on_dispose()
    {
        var port = FreePort();
        var settings = new AzuriteSettings(AzuriteFixture.RepositoryRoot, port, "unused", InMemory: true);

        var azurite = await AzuriteProcess.EnsureRunningAsync(settings, NullLogger.Instance, Ct);
        Assert.True(azurite.Started);
        Assert.True(await EmulatorConnection.AnswersAsync(port, Ct));

        await azurite.DisposeAsync();
        Assert.False(await EmulatorConnection.AnswersAsync(port, Ct));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
