using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Tests.Storage;

public sealed class TableServiceClientFactoryTests
{
    [Fact]
    public void In_azure_the_client_talks_to_the_endpoint_the_storage_account_reported_not_one_built_from_its_name()
    {
        // A sovereign cloud's endpoint: a name-built https://{account}.table.core.windows.net would miss it.
        var client = TableServiceClientFactory.Create(new StorageOptions
        {
            TableServiceUri = "https://stcoachflow.table.core.chinacloudapi.cn/",
            ManagedIdentityClientId = "6e1c2a4f-0b55-4f0e-9d1c-3a7b8e2f4d10",
        });

        Assert.Equal(new Uri("https://stcoachflow.table.core.chinacloudapi.cn/"), client.Uri);
        Assert.Equal("stcoachflow", client.AccountName);
    }

    [Fact]
    public void A_connection_string_wins_for_local_runs()
    {
        var client = TableServiceClientFactory.Create(new StorageOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            TableServiceUri = "https://stcoachflow.table.core.windows.net/",
        });

        Assert.Equal("devstoreaccount1", client.AccountName);
    }
}
