using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// A local listener for registry notifications (Kestrel on a free 127.0.0.1 port): records every POSTed
/// <c>application/vnd.docker.distribution.events.v1+json</c> batch and its Authorization header. With
/// an expected Authorization value set, other requests are answered 401 and counted as refused.
/// </summary>
public sealed class NotificationRecorder : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string? expectedAuthorization;
    private readonly ConcurrentQueue<RegistryEvent> events = new();
    private readonly ConcurrentQueue<string?> authorizations = new();
    private int refused;

    private NotificationRecorder(WebApplication app, string? expectedAuthorization)
    {
        this.app = app;
        this.expectedAuthorization = expectedAuthorization;
    }

    /// <summary>Where to point a registry endpoint: <c>http://127.0.0.1:PORT/events</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Events received so far, in arrival order.</summary>
    public IReadOnlyList<RegistryEvent> Events => [.. events];

    /// <summary>The Authorization header of every batch received.</summary>
    public IReadOnlyList<string?> Authorizations => [.. authorizations];

    /// <summary>Batches refused for a missing or wrong Authorization header.</summary>
    public int Refused => refused;

    /// <summary>Starts listening.</summary>
    public static async Task<NotificationRecorder> StartAsync(
        string? expectedAuthorization = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var recorder = new NotificationRecorder(app, expectedAuthorization);
        app.MapPost("/events", (Func<HttpContext, Task<IResult>>)recorder.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        recorder.Url = new Uri(new Uri(address), "/events");
        return recorder;
    }

    /// <summary>
    /// Waits until an event matching <paramref name="match"/> has arrived; the registry delivers
    /// asynchronously. Throws a TimeoutException listing what did arrive after <paramref name="timeout"/>.
    /// </summary>
    public async Task<RegistryEvent> WaitForAsync(
        Func<RegistryEvent, bool> match,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (events.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seen = string.Join("; ", events.Select(e => $"{e.Action} {e.Repository} {e.Method} {e.MediaType}"));
            throw new TimeoutException($"No matching registry event within {timeout}. Received: {seen}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        authorizations.Enqueue(string.IsNullOrEmpty(authorization) ? null : authorization);
        if (expectedAuthorization is not null && authorization != expectedAuthorization)
        {
            Interlocked.Increment(ref refused);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        if (document.RootElement.TryGetProperty("events", out var batch) && batch.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in batch.EnumerateArray())
            {
                events.Enqueue(ToEvent(item));
            }
        }

        return Results.Ok();
    }

    private static RegistryEvent ToEvent(JsonElement item)
    {
        var target = item.TryGetProperty("target", out var t) ? t : default;
        var request = item.TryGetProperty("request", out var r) ? r : default;
        var actor = item.TryGetProperty("actor", out var a) ? a : default;
        return new RegistryEvent(
            Text(item, "action") ?? string.Empty,
            Text(target, "repository"),
            Text(target, "mediaType"),
            Text(target, "digest"),
            Text(target, "tag"),
            Text(request, "method"),
            Text(request, "useragent"),
            Text(actor, "name"));
    }

    private static string? Text(JsonElement element, string name)
    {
        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
