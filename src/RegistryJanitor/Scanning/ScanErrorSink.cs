using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Registries;
using RegistryJanitor.Registries.Auth;
using RegistryJanitor.Registries.Oci;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>Records every error of a run in <c>scan_run_errors</c> and logs it.</summary>
internal sealed class ScanErrorSink
{
    private readonly ScanRunStore store;
    private readonly long runId;
    private readonly string registry;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private int count;

    public ScanErrorSink(ScanRunStore store, long runId, string registry, TimeProvider timeProvider, ILogger logger)
    {
        this.store = store;
        this.runId = runId;
        this.registry = registry;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    public int Count => Volatile.Read(ref count);

    public async Task RecordAsync(
        string? repository, string? reference, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        await RecordAsync(repository, reference, KindOf(exception), exception.Message, cancellationToken);
    }

    public async Task RecordAsync(
        string? repository, string? reference, string kind, string message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        Log.ScanError(logger, registry, repository ?? string.Empty, reference ?? string.Empty, kind, message);
        await store.RecordErrorAsync(
            runId, repository, reference, kind, message, timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>A short, stable name for the kind of failure, stored in <c>scan_run_errors.kind</c>.</summary>
    public static string KindOf(Exception exception) => exception switch
    {
        RegistryAuthenticationException => "auth",
        RegistryDigestMismatchException => "digest_mismatch",
        RegistryClientException { ErrorCode: "PAGINATION_LOOP" } => "pagination_loop",
        RegistryClientException { ErrorCode: "SIZE_CAP" } => "size_cap",
        RegistryClientException => "http",
        ManifestFormatException => "format",
        HttpRequestException or IOException => "network",
        TimeoutException or Polly.Timeout.TimeoutRejectedException => "timeout",
        Npgsql.NpgsqlException => "database",
        _ => "error",
    };
}
