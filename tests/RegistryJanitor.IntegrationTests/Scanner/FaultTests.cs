using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class FaultTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string ErrorsSql = """
        SELECT e.repository, e.kind
        FROM scan_run_errors AS e
        WHERE e.scan_run_id = @runId
        """;

    private const string StoredSql = """
        SELECT count(*)
        FROM manifests
        WHERE digest = @digest
        """;

    private static readonly string[] Transient =
        ["throttled-seconds", "throttled-date", "unavailable", "reset", "slow", "truncated", "clean"];

    [Fact]
    public async Task ScanAsync_FaultsBetweenScannerAndRegistry_RetriesTransientOnesAndRecordsTheRest()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        var pushed = await SeedAsync(registry.BaseAddress, cancellationToken);
        FaultRule[] rules =
        [
            new("GET", "/v2/faults/throttled-seconds/manifests/", Fault.TooManyRequestsSeconds, 1),
            new("GET", "/v2/faults/throttled-date/manifests/", Fault.TooManyRequestsDate, 1),
            new("GET", "/v2/faults/unavailable/tags/list", Fault.Unavailable, 3),
            new("GET", "/v2/faults/reset/manifests/", Fault.Reset, 2),
            new("GET", "/v2/faults/slow/manifests/", Fault.Slow, 1),
            new("GET", "/v2/faults/truncated/manifests/", Fault.Truncate, 1),
            new("GET", "/v2/faults/corrupt/blobs/", Fault.Corrupt, int.MaxValue),
            new("GET", "/v2/faults/loop/tags/list", Fault.LinkLoop, int.MaxValue),
        ];
        await using var proxy = await FaultProxy.StartAsync(registry.BaseAddress, rules, cancellationToken);
        await using var host = new ScannerHost(
            database.DataSource, new Dictionary<string, string?> { ["RegistryClient:AttemptTimeout"] = "00:00:01" });
        var rows = new InventoryRows(database.DataSource, "faulty");

        var summary = await host.ScanAsync(ScannerHost.Registry("faulty", proxy.BaseAddress), cancellationToken);

        Assert.Equal(ScanStatus.Partial, summary.Status);
        Assert.All(rules, rule => Assert.True(rule.Applied >= Math.Min(rule.Times, 1), rule.ToString()));
        var expectedTags = Transient.Select(name => ($"faults/{name}", "v1", pushed[name])).ToHashSet();
        Assert.Equal(expectedTags, await rows.TagsAsync(cancellationToken));
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var errors = (await connection.QueryAsync<(string?, string)>(new CommandDefinition(
            ErrorsSql, new { runId = summary.RunId }, cancellationToken: cancellationToken))).ToHashSet();
        Assert.Equal(
            new HashSet<(string?, string)> { ("faults/corrupt", "digest_mismatch"), ("faults/loop",
                "pagination_loop") },
            errors);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            StoredSql, new { digest = pushed["corrupt"] }, cancellationToken: cancellationToken)));
        Assert.Equal(1, summary.Counts.RepositoriesFailed);
    }

    private static async Task<Dictionary<string, string>> SeedAsync(Uri registry, CancellationToken cancellationToken)
    {
        using var builder = TestImageBuilder.For(registry);
        var pushed = new Dictionary<string, string>();
        foreach (var name in Transient.Append("corrupt").Append("loop"))
        {
            var image = await builder.Image($"faults/{name}")
                .Layer(l => l.File("/f", name))
                .PushAsync("v1", cancellationToken);
            pushed[name] = image.Digest;
        }

        return pushed;
    }
}
