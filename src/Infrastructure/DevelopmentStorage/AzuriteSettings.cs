namespace CoachFlow.Infrastructure.DevelopmentStorage;

/// <summary>
/// Where and how to run Azurite: the folder holding the pinned <c>package.json</c>, the table port the
/// connection string names, the data folder, and (for tests) whether to keep data in memory only.
/// <see cref="SearchPath"/> is where node and npm are looked for: the process's PATH unless given. Off the
/// standard table port, blob and queue listen on <see cref="BlobPort"/> and <see cref="QueuePort"/>, or on any
/// free port when those are 0 (a caller that needs all three services, such as the load benchmark, names them).
/// </summary>
public sealed record AzuriteSettings(string RepositoryRoot, int TablePort, string DataLocation, bool InMemory = false, string? SearchPath = null, int BlobPort = 0, int QueuePort = 0)
{
    public const string PackageName = "azurite";

    /// <summary>The nearest folder at or above <paramref name="start"/> whose package.json pins Azurite.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var manifest = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(manifest) && File.ReadAllText(manifest).Contains($"\"{PackageName}\"", StringComparison.Ordinal))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
