using Azure.Data.Tables;
using Azure.Identity;
using CoachFlow.Infrastructure.Configuration;

namespace CoachFlow.Infrastructure.Storage;

/// <summary>
/// A connection string wins (Azurite, local runs); otherwise the account's table endpoint is reached as the app's
/// user-assigned managed identity, named by client id so no other credential is ever tried.
/// </summary>
public static class TableServiceClientFactory
{
    public static TableServiceClient Create(StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return new TableServiceClient(storage.ConnectionString);
        }

        var identity = ManagedIdentityId.FromUserAssignedClientId(storage.ManagedIdentityClientId);
        return new TableServiceClient(new Uri(storage.TableServiceUri!), new ManagedIdentityCredential(identity));
    }
}
