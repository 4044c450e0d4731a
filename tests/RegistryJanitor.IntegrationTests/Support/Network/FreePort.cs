using System.Net;
using System.Net.Sockets;

namespace RegistryJanitor.IntegrationTests.Support.Network;

/// <summary>Picks a loopback TCP port nobody listens on, for a process the test starts.</summary>
public static class FreePort
{
    /// <summary>A port the system just handed out and released; free unless another process grabs it first.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
