using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RegistryJanitor.IntegrationTests.Support.Network;

/// <summary>
/// A loopback TCP forwarder a test can switch off and on, to make a real server (PostgreSQL, a registry) look down
/// to the code under test without stopping it for everyone else.
/// </summary>
/// <remarks>
/// While disabled, new connections are accepted and reset at once, and connections already forwarded are cut:
/// what a client sees when a database restarts or a network drops.
/// </remarks>
/// <example>
/// <code>
/// await using var proxy = new TcpProxy("127.0.0.1", 5432, enabled: false);
/// // point the code under test at 127.0.0.1:proxy.Port ...
/// proxy.Enable();
/// </code>
/// </example>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Guid, (TcpClient Client, TcpClient Upstream)> _connections = new();
    private readonly Task _acceptLoop;
    private volatile bool _enabled;

    public TcpProxy(string targetHost, int targetPort, bool enabled)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _enabled = enabled;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync(_stop.Token);
    }

    /// <summary>The loopback port to connect to instead of the target.</summary>
    public int Port { get; }

    /// <summary>Forward new connections to the target.</summary>
    public void Enable() => _enabled = true;

    /// <summary>Refuse new connections and cut the forwarded ones.</summary>
    public void Disable()
    {
        _enabled = false;
        foreach (var (id, pair) in _connections)
        {
            if (_connections.TryRemove(id, out _))
            {
                Reset(pair.Client);
                Reset(pair.Upstream);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Disable();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation.
        }

        _stop.Dispose();
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(enable: true, seconds: 0);
        }
        catch (SocketException)
        {
            // Already closed by the other side.
        }
        catch (ObjectDisposedException)
        {
            // Already closed here.
        }

        client.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (SocketException)
            {
                return;
            }

            if (!_enabled)
            {
                Reset(client);
                continue;
            }

            _ = ForwardAsync(client, cancellationToken);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, cancellationToken);
            _connections[id] = (client, upstream);
            var clientStream = client.GetStream();
            var upstreamStream = upstream.GetStream();
            await Task.WhenAny(
                clientStream.CopyToAsync(upstreamStream, cancellationToken),
                upstreamStream.CopyToAsync(clientStream, cancellationToken));
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException
                                              or OperationCanceledException)
        {
            // A cut connection is what Disable is for; the client sees it as a dropped connection.
        }
        finally
        {
            _connections.TryRemove(id, out _);
            Reset(client);
            Reset(upstream);
        }
    }
}
