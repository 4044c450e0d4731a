using System.Globalization;
using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>The service as deployed (<c>run</c>): its scheduled scan is followed by the layer analysis.</summary>
public sealed class AnalyzeAfterScanTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private const string SucceededScansSql = """
        SELECT count(*)
        FROM scan_runs s JOIN registries r ON r.id = s.registry_id
        WHERE r.name = @registry AND s.status = 'succeeded' AND s.finished_at IS NOT NULL
        """;

    private const string AnalysisRunsSql = """
        SELECT count(*)
        FROM analysis_runs a JOIN registries r ON r.id = a.registry_id
        WHERE r.name = @registry
        """;

    // Analysis runs of the registry that started before any scan of it had finished.
    private const string EarlyAnalysisRunsSql = """
        SELECT count(*)
        FROM analysis_runs a JOIN registries r ON r.id = a.registry_id
        WHERE r.name = @registry AND NOT EXISTS (
            SELECT 1 FROM scan_runs s
            WHERE s.registry_id = a.registry_id AND s.finished_at IS NOT NULL AND s.finished_at <= a.started_at)
        """;

    private const string AnalyzeJobRunsSql = """
        SELECT outcome
        FROM job_runs
        WHERE job_group = 'analysis' AND job_name = @jobName AND finished_at IS NOT NULL
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Run_ScheduledScanOfAnalysedRegistry_AnalysesItsLayersAfterTheScan(int batchSize)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var analysedRegistry = "afterscan-" + batchSize.ToString(CultureInfo.InvariantCulture);
        var skippedRegistry = "afterscan-off-" + batchSize.ToString(CultureInfo.InvariantCulture);
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var analysed = TestImageBuilder.UniqueRepository("analysis-afterscan") + "/app";
        var notAnalysed = TestImageBuilder.UniqueRepository("analysis-afterscan-off") + "/app";
        var seed = Random.Shared.Next(1, 1_000_000) * 8;
        const int DeletedBytes = 6_000;
        const int KeptBytes = 2_500;
        var lower = TestLayer.Create(l => l
            .FileOfSize("/srv/cache.bin", DeletedBytes, seed: seed + 1)
            .FileOfSize("/srv/app.bin", KeptBytes, seed: seed + 2));
        var upper = TestLayer.Create(l => l.Whiteout("/srv/cache.bin"));
        var image = await builder.Image(analysed).Layer(lower).Layer(upper).PushAsync("v1", cancellationToken);
        await builder.Image(notAnalysed).Layer(l => l.FileOfSize("/srv/other.bin", 3_000, seed: seed + 3))
            .PushAsync("v1", cancellationToken);
        using var endpoint = new ServiceEndpoint(Support.Network.FreePort.Next());
        var rows = new AnalysisRows(database.DataSource);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);

        await using var service = ProductProcess.Start(
            ["run"], Environment(endpoint, registryUrl, batchSize, (analysedRegistry, analysed),
                (skippedRegistry, notAnalysed)));
        await Eventually.HoldsAsync(
            async () => await rows.ImageAsync(image.Digest, cancellationToken) is not null,
            $"the image is analysed after a scheduled scan\n{service.StandardOutput}\n{service.StandardError}",
            Limit, cancellationToken);
        await Eventually.HoldsAsync(
            async () => await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SucceededScansSql, new { registry = skippedRegistry }, cancellationToken: cancellationToken)) > 0,
            "the registry with analysis off has been scanned", Limit, cancellationToken);
        await Eventually.HoldsAsync(
            async () => (await connection.QueryAsync<string>(new CommandDefinition(
                AnalyzeJobRunsSql, new { jobName = "analyze-" + analysedRegistry },
                cancellationToken: cancellationToken))).Any(),
            "the analysis job run is recorded", Limit, cancellationToken);
        await service.TerminateAsync(cancellationToken);
        var exitCode = await service.WaitForExitAsync(cancellationToken);

        var stored = await rows.ImageAsync(image.Digest, cancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(lower.TarSize + upper.TarSize, stored.Value.Uncompressed);
        Assert.Equal(DeletedBytes, stored.Value.Hidden);
        Assert.Equal(KeptBytes, stored.Value.Visible);
        Assert.Equal("analysed", (await rows.LayerAsync(image.Layers[0].Digest, cancellationToken))?.Status);
        var outcomes = await connection.QueryAsync<string>(new CommandDefinition(
            AnalyzeJobRunsSql, new { jobName = "analyze-" + analysedRegistry }, cancellationToken: cancellationToken));
        Assert.All(outcomes, outcome => Assert.Equal("succeeded", outcome));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            AnalysisRunsSql, new { registry = skippedRegistry }, cancellationToken: cancellationToken)));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            EarlyAnalysisRunsSql, new { registry = analysedRegistry }, cancellationToken: cancellationToken)));
        Assert.NotEmpty(outcomes);
        Assert.Equal(0, exitCode);
    }

    /// <summary>
    /// Two registries on the test registry, scanned every five seconds: the first analysed, the second not;
    /// <paramref name="batchSize"/> above 0 makes the scans shared work items, as replicas run them.
    /// </summary>
    private Dictionary<string, string?> Environment(
        ServiceEndpoint endpoint, Uri registryUrl, int batchSize, (string Name, string Repository) analysed,
        (string Name, string Repository) notAnalysed) => new()
    {
        ["ConnectionStrings__Postgres"] = database.ConnectionString,
        ["Service__Urls"] = endpoint.Url,
        ["Service__ShutdownGracePeriod"] = "00:00:10",
        ["Analysis__MaxParallelLayers"] = "2",

        // Workers for both scans, a batch and the analysis at once: a queue must not order them by accident.
        ["Scheduler__MaxConcurrentJobs"] = "6",
        ["Replicas__BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        ["Registries__0__Name"] = analysed.Name,
        ["Registries__0__Url"] = registryUrl.ToString(),
        ["Registries__0__Schedule"] = "0/5 * * * * ?",
        ["Registries__0__Include__0"] = analysed.Repository,
        ["Registries__0__Analysis__Enabled"] = "true",
        ["Registries__1__Name"] = notAnalysed.Name,
        ["Registries__1__Url"] = registryUrl.ToString(),
        ["Registries__1__Schedule"] = "0/5 * * * * ?",
        ["Registries__1__Include__0"] = notAnalysed.Repository,
        ["Registries__1__Analysis__Enabled"] = "false",
    };
}
