namespace CoachFlow.Infrastructure.Configuration;

/// <summary>
/// Table Storage: a connection string locally (<c>UseDevelopmentStorage=true</c> for Azurite), or an
/// account name reached with managed identity in Azure.
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    /// <summary>Prepended to every table name, so test runs and side-by-side installs never share tables.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}
