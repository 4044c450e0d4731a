using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class ResumeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string RunsSql = """
        SELECT s.status, s.error
        FROM scan_runs AS s
        JOIN registries AS g ON g.id = s.registry_id
        WHERE g.name = 'resume'
        ORDER BY s.id
        """;

    private const string DuplicatesSql = """
        SELECT (SELECT count(*) FROM tag_history WHERE change = 'added') AS added,
            (SELECT count(*) FROM manifests) AS manifests,
            (SELECT count(DISTINCT digest) FROM manifests) AS distinct_manifests
        """;

    [Fact]
    public async Task ScanAsync_StoppedMidScan_NextRunCompletesWithoutDuplicates()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var expected = new HashSet<(string, string, string)>();
        for (var r = 0; r < 6; r++)
        {
            for (var t = 0; t < 3; t++)
            {
                var image = await builder.Image($"resume/r{r}").Layer(l => l.File("/f", $"{r}-{t}"))
                    .PushAsync($"t{t}", cancellationToken);
                expected.Add(($"resume/r{r}", $"t{t}", image.Digest));
            }
        }

        var options = ScannerHost.Registry("resume", registry.BaseAddress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using (var stopped = new ScannerHost(database.DataSource,
            extraHandler: () => new CancelAfterHandler(stop, 9)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.ScanAsync(options, stop.Token));
        }

        var partialTags = await new InventoryRows(database.DataSource, "resume").TagsAsync(cancellationToken);
        await using var host = new ScannerHost(database.DataSource);

        var resumed = await host.ScanAsync(options, cancellationToken);

        Assert.True(partialTags.Count < expected.Count);
        Assert.Subset(expected, partialTags);
        Assert.Equal(ScanStatus.Succeeded, resumed.Status);
        Assert.Equal(expected, await new InventoryRows(database.DataSource, "resume").TagsAsync(cancellationToken));
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long Added, long Manifests, long Distinct)>(
            new CommandDefinition(DuplicatesSql, cancellationToken: cancellationToken));
        Assert.Equal((expected.Count, expected.Count, expected.Count), ((int)counts.Added, (int)counts.Manifests,
            (int)counts.Distinct));
        var runs = (await connection.QueryAsync<(string, string?)>(
            new CommandDefinition(RunsSql, cancellationToken: cancellationToken))).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal("failed", runs[0].Item1);
        Assert.StartsWith("interrupted", runs[0].Item2, StringComparison.Ordinal);
        Assert.Equal(("succeeded", (string?)null), runs[1]);
    }
}
