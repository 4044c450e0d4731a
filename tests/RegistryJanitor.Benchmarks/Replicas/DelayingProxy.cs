using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Benchmarks.Replicas;

/// <summary>
/// A reverse proxy on loopback that holds every request for a fixed time before passing it to the registry, so a
/// scan waits on the network as it does against a remote registry and the registry itself is never the limit.
/// </summary>
internal sealed class DelayingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive",
    };

    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly TimeSpan delay;
    private long requests;

    private DelayingProxy(WebApplication app, Uri target, TimeSpan delay)
    {
        this.app = app;
        this.delay = delay;
        upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = target,
        };
    }

    /// <summary>Where clients reach the registry through the proxy.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests forwarded so far.</summary>
    public long Requests => Interlocked.Read(ref requests);

    public static async Task<DelayingProxy> StartAsync(Uri target, TimeSpan delay, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new DelayingProxy(app, target, delay);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        proxy.BaseAddress = new Uri(addresses!.Addresses.First());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        upstream.Dispose();
    }

    // Scans only read, so requests carry no body; responses are small manifests, configs and tag lists.
    private async Task ForwardAsync(HttpContext context)
    {
        await Task.Delay(delay, context.RequestAborted);
        Interlocked.Increment(ref requests);

        using var request = new HttpRequestMessage(
            new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        foreach (var header in context.Request.Headers.Where(h => !HopHeaders.Contains(h.Key)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
        }

        using var response = await upstream.SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers)
            .Where(h => !HopHeaders.Contains(h.Key)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
