using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// Where the in-process sidecar listens: a loopback port chosen when the host is built, so the worker
/// and client can be configured before the sidecar starts. Nothing outside this machine can reach it.
/// </summary>
public sealed class SidecarEndpoint : IDisposable
{
    private SidecarEndpoint(int port)
    {
        Port = port;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    /// <summary>The one channel the worker and the client share.</summary>
    public GrpcChannel Channel { get; }

    public static SidecarEndpoint OnFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SidecarEndpoint(((IPEndPoint)listener.LocalEndpoint).Port);
    }

    public void Dispose() => Channel.Dispose();
}
