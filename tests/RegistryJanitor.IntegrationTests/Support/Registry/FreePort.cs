using System.Net;
using System.Net.Sockets;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>Free TCP ports on the loopback interface.</summary>
internal static class FreePort
{
    /// <summary>A port that was free a moment ago (the caller retries if something takes it meanwhile).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
