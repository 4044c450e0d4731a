using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RegistryJanitor.Storage.Costs;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Events;

/// <summary>Maps the authenticated receiver of registry notification batches.</summary>
public static partial class RegistryEventsEndpoint
{
    /// <summary>The media type of the batches the distribution registry posts.</summary>
    public const string EventsMediaType = "application/vnd.docker.distribution.events.v1+json";

    /// <summary>
    /// Maps <c>POST {Path}/{registry}</c> when <see cref="RegistryEventsOptions.Enabled"/> is set: it counts the
    /// manifest pulls of each batch into <c>pull_counts</c> with source <c>registry-events</c>, records the
    /// repositories it reports pushed, deleted or mounted for the change feed, and answers 401 without the
    /// configured Authorization header.
    /// </summary>
    public static IEndpointRouteBuilder MapRegistryEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<RegistryEventsOptions>>().Value;
        if (options.Enabled)
        {
            endpoints.MapPost(options.Path.TrimEnd('/') + "/{registry}", ReceiveAsync)
                .WithName("RegistryEvents")
                .DisableAntiforgery();
        }

        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        string registry,
        HttpContext context,
        AuthorizationSecret secret,
        PullCountStore store,
        RepositoryChangeStore changes,
        IOptions<RegistryEventsOptions> options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(RegistryEventsEndpoint).FullName!);
        if (!RegistryName().IsMatch(registry))
        {
            return Results.NotFound();
        }

        if (!secret.Matches(context.Request.Headers.Authorization.ToString()))
        {
            logger.EventsUnauthorized(registry);
            return Results.Unauthorized();
        }

        var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (EventsMediaType or "application/json"))
        {
            logger.EventsRejected(registry, "unsupported content type");
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ReadBoundedAsync(context.Request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            logger.EventsRejected(registry, "body larger than RegistryEvents:MaxBodyBytes");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        RegistryEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, RegistryEventsJsonContext.Default.RegistryEventEnvelope);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            logger.EventsRejected(registry, "body is not an events envelope");
            return Results.BadRequest();
        }

        var now = timeProvider.GetUtcNow();
        var batch = PullEventExtractor.Extract(envelope, registry, [.. options.Value.ExcludedUserAgents], now);
        var counted = await store.RecordEventsAsync(batch.Pulls, now, cancellationToken);
        var changed = RepositoryChangeExtractor.Extract(envelope);
        await changes.RecordChangesAsync(registry, changed, now, cancellationToken);
        logger.EventsRecorded(registry, counted, batch.Pulls.Count, batch.OwnRequests, batch.Ignored);
        if (changed.Count > 0 && logger.IsEnabled(LogLevel.Debug))
        {
            logger.ChangesRecorded(registry, changed.Count, changed.Values.Sum());
        }
        return Results.Ok();
    }

    private static async Task<byte[]?> ReadBoundedAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex RegistryName();
}
