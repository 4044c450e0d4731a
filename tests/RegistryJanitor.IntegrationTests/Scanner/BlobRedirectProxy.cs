using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegistryJanitor.IntegrationTests.Support.Registry;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>
/// A reverse proxy in front of a registry that answers every blob GET with a 307 to a second listener on
/// another port, as registries redirect blob reads to object storage. The second listener records the
/// Authorization header each request arrived with and serves the blob, read from the registry with the test's
/// own credentials.
/// </summary>
public sealed class BlobRedirectProxy : IAsyncDisposable
{
    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive",
    };

    private readonly WebApplication front;
    private readonly WebApplication storage;
    private readonly HttpClient upstream;
    private readonly RegistryApiClient registry;
    private readonly ConcurrentQueue<(string Path, string? Authorization)> redirected = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization)> served = new();

    private BlobRedirectProxy(WebApplication front, WebApplication storage, Uri target, RegistryCredentials credentials)
    {
        this.front = front;
        this.storage = storage;
        upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = target };
        registry = RegistryApiClient.Create(target, credentials);
    }

    /// <summary>The proxy's address, to scan instead of the registry's.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The address of the storage listener blob reads are redirected to.</summary>
    public Uri StorageAddress { get; private set; } = null!;

    /// <summary>Blob GETs the proxy redirected, with the Authorization header they carried.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Redirected => [.. redirected];

    /// <summary>Requests the storage listener answered, with the Authorization header they carried.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Served => [.. served];

    public static async Task<BlobRedirectProxy> StartAsync(
        Uri target, RegistryCredentials credentials, CancellationToken cancellationToken)
    {
        var front = CreateApp();
        var storage = CreateApp();
        var proxy = new BlobRedirectProxy(front, storage, target, credentials);
        front.Run(proxy.HandleFrontAsync);
        storage.Run(proxy.HandleStorageAsync);
        await front.StartAsync(cancellationToken);
        await storage.StartAsync(cancellationToken);
        proxy.BaseAddress = AddressOf(front);
        proxy.StorageAddress = AddressOf(storage);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await front.DisposeAsync();
        await storage.DisposeAsync();
        upstream.Dispose();
        registry.Dispose();
    }

    private static WebApplication CreateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }

    private static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static string? Authorization(HttpContext context) =>
        context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString();

    private async Task HandleFrontAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var blobs = path.IndexOf("/blobs/", StringComparison.Ordinal);
        if (context.Request.Method == "GET" && path.StartsWith("/v2/", StringComparison.Ordinal) && blobs > 0)
        {
            redirected.Enqueue((path, Authorization(context)));
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(StorageAddress, "/objects" + path[3..]).AbsoluteUri;
            return;
        }

        using var request = new HttpRequestMessage(
            new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        foreach (var header in context.Request.Headers.Where(h => !SkippedHeaders.Contains(h.Key)))
        {
            request.Headers.TryAddWithoutValidation(header.Key, [.. header.Value]);
        }

        using var response = await upstream.SendAsync(request, context.RequestAborted);
        var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers)
            .Where(h => !SkippedHeaders.Contains(h.Key)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (context.Request.Method != "HEAD")
        {
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    // Serves /objects/NAME/blobs/DIGEST.
    private async Task HandleStorageAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        served.Enqueue((path, Authorization(context)));
        var blobs = path.LastIndexOf("/blobs/", StringComparison.Ordinal);
        if (!path.StartsWith("/objects/", StringComparison.Ordinal) || blobs < 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var repository = path["/objects/".Length..blobs];
        var digest = path[(blobs + "/blobs/".Length)..];
        var content = await registry.GetBlobAsync(repository, digest, context.RequestAborted);
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }
}
