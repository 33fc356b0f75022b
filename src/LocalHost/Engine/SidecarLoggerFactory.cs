namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// The host's loggers for the sidecar, minus its web host's start-up lines ("Now listening on", "Hosting
/// environment"), which would read as a second application. The engine's own logs pass through.
/// </summary>
internal sealed class SidecarLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Microsoft.Hosting.", StringComparison.Ordinal) || categoryName.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
            ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance
            : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The host owns <c>inner</c>.</summary>
    public void Dispose()
    {
    }
}
