using System.Globalization;
using System.Net;
using Dapper;
using Npgsql;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;

namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>
/// Three <c>run</c> processes of the built executable on one database, scanning one private registry on a cron that
/// fires every few seconds, split into small work items; plus what the tests read back.
/// </summary>
/// <remarks>
/// The replicas reach the registry through a proxy that holds every request for a while, as a distant registry
/// does: a work item then takes long enough that every replica is up and takes part, whatever the machine's speed.
/// </remarks>
internal sealed class ReplicaCluster : IAsyncDisposable
{
    public const string RegistryName = "shared";

    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);

    private const string FirstRunSql = """
        SELECT r.id AS Id, r.status AS Status, r.repositories_total AS Total,
            r.repositories_scanned AS Scanned, r.tags_seen AS TagsSeen
        FROM scan_runs AS r
        JOIN registries AS g ON g.id = r.registry_id
        WHERE g.name = @registry
        ORDER BY r.id
        LIMIT 1
        """;

    private const string RecordsSql = """
        SELECT repository AS Repository, attempts AS Attempts, scanned_by AS ScannedBy, failed AS Failed
        FROM scan_run_repositories
        WHERE scan_run_id = @runId
        """;

    private const string RecordCountSql = """
        SELECT count(*) FROM scan_run_repositories
        """;

    // A batch not finished yet whose holder recorded some of its repositories and has at least @remaining to go:
    // that replica is mid-item.
    private const string MidItemInstanceSql = """
        SELECT r.scanned_by
        FROM scan_batches AS b
        JOIN scan_run_repositories AS r ON r.scan_run_id = b.scan_run_id AND r.repository = ANY (b.repositories)
        WHERE b.finished_at IS NULL
        GROUP BY b.scan_run_id, b.batch_no, r.scanned_by
        HAVING count(*) <= max(cardinality(b.repositories)) - @remaining
        LIMIT 1
        """;

    private readonly List<ServiceEndpoint> endpoints = [];

    private ReplicaCluster(RegistryProcess registry, FaultProxy proxy, NpgsqlDataSource dataSource)
    {
        Registry = registry;
        Proxy = proxy;
        DataSource = dataSource;
    }

    /// <summary>How long the proxy holds each request of the replicas.</summary>
    public static TimeSpan RequestDelay { get; } = TimeSpan.FromMilliseconds(150);

    public RegistryProcess Registry { get; }

    /// <summary>Grace period of replicas started from now on (<c>Service:ShutdownGracePeriod</c>), 10 s.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Further settings for replicas started from now on, as environment variables.</summary>
    public Dictionary<string, string?> ExtraSettings { get; } = [];

    /// <summary>The delaying proxy the replicas reach the registry through.</summary>
    public FaultProxy Proxy { get; }

    public NpgsqlDataSource DataSource { get; }

    public List<ProductProcess> Replicas { get; } = [];

    /// <summary>Repository, tag and digest of every image pushed.</summary>
    public HashSet<(string Repository, string Tag, string Digest)> Pushed { get; } = [];

    /// <summary>Every image pushed, with its layers.</summary>
    public List<PushedImage> PushedImages { get; } = [];

    /// <summary>Starts a registry holding <paramref name="repositories"/> × <paramref name="tags"/> images.</summary>
    public static Task<ReplicaCluster> SeedAsync(
        NpgsqlDataSource dataSource, int repositories, int tags, CancellationToken cancellationToken) =>
        SeedAsync(dataSource, repositories, tags,
            (builder, repository, r, t, token) => builder.Image(repository)
                .Layer(l => l.File("/content", $"{r}-{t}")).PushAsync($"v{t}", token),
            cancellationToken);

    /// <summary>
    /// Starts a registry holding <paramref name="repositories"/> × <paramref name="tags"/> images, each pushed by
    /// <paramref name="push"/> (builder, repository, repository number, tag number) with tag <c>v</c> + tag number.
    /// </summary>
    public static async Task<ReplicaCluster> SeedAsync(
        NpgsqlDataSource dataSource, int repositories, int tags,
        Func<TestImageBuilder, string, int, int, CancellationToken, Task<PushedImage>> push,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        var proxy = await FaultProxy.StartAsync(registry.BaseAddress, [], RequestDelay, cancellationToken);
        var cluster = new ReplicaCluster(registry, proxy, dataSource);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        for (var r = 0; r < repositories; r++)
        {
            for (var t = 0; t < tags; t++)
            {
                var repository = $"team/app{r:D3}";
                var image = await push(builder, repository, r, t, cancellationToken);
                cluster.Pushed.Add((repository, $"v{t}", image.Digest));
                cluster.PushedImages.Add(image);
            }
        }

        return cluster;
    }

    /// <summary>Starts <paramref name="count"/> replicas and waits until every one is ready.</summary>
    public async Task StartReplicasAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var endpoint = new ServiceEndpoint(Support.Network.FreePort.Next());
            endpoints.Add(endpoint);
            Replicas.Add(ProductProcess.Start(["run"], Environment(connectionString, endpoint)));
        }

        foreach (var endpoint in endpoints)
        {
            await Eventually.HoldsAsync(
                async () => await endpoint.GetStatusAsync("/health/ready", cancellationToken) == HttpStatusCode.OK,
                $"{endpoint.Url} is ready", Limit, cancellationToken);
        }
    }

    /// <summary>Waits until the first run of the registry has closed and returns it.</summary>
    public async Task<ScanRunRow> WaitForFirstRunAsync(CancellationToken cancellationToken)
    {
        ScanRunRow? run = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                run = await FirstRunAsync(cancellationToken);
                return run is not null && run.Status != "running";
            },
            "the first shared scan run has closed", Limit, cancellationToken);
        return run!;
    }

    /// <summary>Waits until at least <paramref name="count"/> repositories are recorded by any run.</summary>
    public async Task WaitForRecordsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await Eventually.HoldsAsync(
            async () => await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(RecordCountSql, cancellationToken: cancellationToken)) >= count,
            $"{count} repositories are recorded", Limit, cancellationToken);
    }

    /// <summary>
    /// Waits until some replica is part-way through a work item, with at least <paramref name="remaining"/> of its
    /// repositories still to scan, and returns that replica.
    /// </summary>
    public async Task<ProductProcess> WaitForReplicaMidItemAsync(int remaining, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        string? instance = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                instance = await connection.QuerySingleOrDefaultAsync<string>(
                    new CommandDefinition(MidItemInstanceSql, new { remaining }, cancellationToken: cancellationToken));
                return instance is not null;
            },
            "a replica is part-way through a work item", Limit, cancellationToken);

        return ReplicaOf(instance!);
    }

    /// <summary>
    /// The replica running as Quartz cluster node <paramref name="instance"/>, found by the node id each replica logs
    /// at start (what the tables' <c>*_by</c> columns hold).
    /// </summary>
    public ProductProcess ReplicaOf(string instance) =>
        Replicas.Single(replica => replica.StandardOutput.Contains(
            "cluster node " + instance, StringComparison.Ordinal));

    public async Task<IReadOnlyList<RepositoryRecordRow>> RecordsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RepositoryRecordRow>(
            new CommandDefinition(RecordsSql, new { runId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Stops every replica still running with SIGTERM and returns their exit codes.</summary>
    public async Task<List<int>> StopAsync(CancellationToken cancellationToken)
    {
        var running = Replicas.Where(replica => !replica.HasExited).ToList();
        foreach (var replica in running)
        {
            await replica.TerminateAsync(cancellationToken);
        }

        var exitCodes = new List<int>();
        foreach (var replica in running)
        {
            exitCodes.Add(await replica.WaitForExitAsync(cancellationToken));
        }

        return exitCodes;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in Replicas)
        {
            await replica.DisposeAsync();
        }

        foreach (var endpoint in endpoints)
        {
            endpoint.Dispose();
        }

        await Proxy.DisposeAsync();
        await Registry.DisposeAsync();
    }

    private async Task<ScanRunRow?> FirstRunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ScanRunRow>(new CommandDefinition(
            FirstRunSql, new { registry = RegistryName }, cancellationToken: cancellationToken));
    }

    // Small work items and a quick cluster check-in, so a dead replica is noticed within seconds.
    private Dictionary<string, string?> Environment(string connectionString, ServiceEndpoint endpoint)
    {
        var settings = Settings(connectionString, endpoint);
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private Dictionary<string, string?> Settings(string connectionString, ServiceEndpoint endpoint) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Service__Urls"] = endpoint.Url,
        ["Service__ShutdownGracePeriod"] = ShutdownGracePeriod.ToString("c", CultureInfo.InvariantCulture),
        ["Scheduler__ClusterCheckinInterval"] = "00:00:01",
        ["Scheduler__IdleWaitTime"] = "00:00:01",
        ["Scheduler__MaxConcurrentJobs"] = "2",
        ["Registries__0__Name"] = RegistryName,
        ["Registries__0__Url"] = Proxy.BaseAddress.ToString(),
        ["Registries__0__Schedule"] = "0/5 * * * * ?",
        ["Replicas__BatchSize"] = "3",
        ["Replicas__RetryInterval"] = "00:00:05",
    };
}
