using CoachFlow.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// CoachFlow's stores over the tables of a host running in another process (same Azurite, same table
/// prefix, the sample coach profile), so a test can read what that host wrote.
/// </summary>
public static class HostStores
{
    public static ServiceProvider For(string tablePrefix, string connectionString = AzuriteFixture.ConnectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AzuriteFixture.RepositoryRoot, "src", "LocalHost", "appsettings.Development.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CoachFlow:Storage:ConnectionString"] = connectionString,
                ["CoachFlow:Storage:TablePrefix"] = tablePrefix,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddCoachFlow(configuration).BuildServiceProvider();
    }
}
