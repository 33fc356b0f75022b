using Azure.Data.Tables;
using Azure.Identity;
using CoachFlow.Infrastructure.Configuration;

namespace CoachFlow.Infrastructure.Storage;

/// <summary>A connection string wins (Azurite, local runs); otherwise the account is reached with managed identity.</summary>
public static class TableServiceClientFactory
{
    public static TableServiceClient Create(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return new TableServiceClient(storage.ConnectionString);
        }

        var endpoint = new Uri($"https://{storage.AccountName}.table.core.windows.net");
        return new TableServiceClient(endpoint, new DefaultAzureCredential());
    }
}
