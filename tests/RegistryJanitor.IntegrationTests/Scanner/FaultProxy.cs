using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>
/// A reverse proxy on loopback between the scanner and a registry that injects faults by rule: the scanner
/// sees real sockets, real resets and real short bodies.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive",
    };

    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly IReadOnlyList<FaultRule> rules;
    private readonly TimeSpan delay;

    private FaultProxy(WebApplication app, Uri target, IReadOnlyList<FaultRule> rules, TimeSpan delay)
    {
        this.app = app;
        this.rules = rules;
        this.delay = delay;
        upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = target };
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static Task<FaultProxy> StartAsync(
        Uri target, IReadOnlyList<FaultRule> rules, CancellationToken cancellationToken) =>
        StartAsync(target, rules, TimeSpan.Zero, cancellationToken);

    /// <summary>A proxy that also holds each request for <paramref name="delay"/>, like a distant registry.</summary>
    public static async Task<FaultProxy> StartAsync(
        Uri target, IReadOnlyList<FaultRule> rules, TimeSpan delay, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new FaultProxy(app, target, rules, delay);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        proxy.BaseAddress = new Uri(address);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        var path = context.Request.Path.Value ?? string.Empty;
        var fault = rules.FirstOrDefault(r => r.TryApply(context.Request.Method, path))?.Fault;
        switch (fault)
        {
            case Fault.TooManyRequestsSeconds or Fault.TooManyRequestsDate:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = fault == Fault.TooManyRequestsSeconds
                    ? "1"
                    : TimeProvider.System.GetUtcNow().AddSeconds(1).ToString("r", CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("Too Many Requests: slow down");
                return;
            case Fault.Unavailable:
                context.Response.StatusCode = 503;
                return;
            case Fault.Reset:
                context.Abort();
                return;
            case Fault.Slow:
                await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted);
                break;
        }

        await ForwardAsync(context, fault);
    }

    private async Task ForwardAsync(HttpContext context, Fault? fault)
    {
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

        if (fault == Fault.LinkLoop)
        {
            context.Response.Headers.Link = $"<{context.Request.Path}{context.Request.QueryString}>; rel=\"next\"";
        }

        if (context.Request.Method == "HEAD")
        {
            return;
        }

        context.Response.ContentLength = body.Length;
        if (fault == Fault.Corrupt && body.Length > 0)
        {
            body[body.Length / 2] ^= 0x20;
        }

        if (fault == Fault.Truncate)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
