using System.Net;
using System.Net.Sockets;

namespace CoachFlow.Infrastructure.DevelopmentStorage;

/// <summary>Recognises a connection string that points at a local storage emulator, and where its table service listens.</summary>
public static class EmulatorConnection
{
    public const int DefaultTablePort = 10002;

    /// <summary>The table port when <paramref name="connectionString"/> names a local emulator; otherwise null.</summary>
    public static int? TablePort(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var isDev) && isDev)
        {
            return DefaultTablePort;
        }

        return parts.TryGetValue("TableEndpoint", out var endpoint)
            && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || uri.Host == IPAddress.Loopback.ToString())
            ? uri.Port
            : null;
    }

    public static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
