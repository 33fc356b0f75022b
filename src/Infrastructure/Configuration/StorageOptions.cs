namespace CoachFlow.Infrastructure.Configuration;

/// <summary>
/// Table Storage: a connection string locally (<c>UseDevelopmentStorage=true</c> for Azurite), or in Azure the
/// table endpoint the storage account reports and the user-assigned managed identity that may use it.
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>The account's table endpoint as Azure gives it (it differs in sovereign clouds), e.g. <c>https://st….table.core.windows.net/</c>.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity the app runs as in Azure.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every table name, so test runs and side-by-side installs never share tables.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}
