using Dapper;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Costs;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>
/// Re-scans driven by the change feed: a real registry posts its notifications to the real receiver, and the
/// scanner skips the repositories nothing happened to since their last full read.
/// </summary>
public sealed class ChangeFeedTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string EventsSql = """
        SELECT repository AS Repository, received_at AS ReceivedAt, events AS Events
        FROM repository_change_events
        WHERE registry = @registry
        """;

    private const string FullScanSql = """
        SELECT r.full_scan_started_at
        FROM repositories AS r
        JOIN registries AS g ON g.id = r.registry_id
        WHERE g.name = @registry AND r.name = @repository
        """;

    private static readonly Dictionary<string, string?> ReceiverOn = new() { ["RegistryEvents:Enabled"] = "true" };

    [Fact]
    public async Task Rescan_WithNotificationsFeed_ReadsOnlyRepositoriesWithEventsSinceTheirLastFullScan()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        const string registryName = "feed";
        await using var receiver = await EventsReceiverHost.StartAsync(database.DataSource, cancellationToken);
        var endpoint = new RegistryNotificationEndpoint(
            "janitor",
            receiver.EndpointFor(registryName),
            new Dictionary<string, string> { ["Authorization"] = EventsReceiverHost.Token },
            IgnoredActions: ["pull"]);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { Notifications = [endpoint] }, cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        string[] repositories = ["feed/a", "feed/b", "feed/c"];
        var pushedAt = TimeProvider.System.GetUtcNow();
        var first = new Dictionary<string, string>();
        foreach (var repository in repositories)
        {
            var image = await builder.Image(repository)
                .Layer(l => l.File("/app/name", repository))
                .PushAsync(["v1", "v2"], cancellationToken);
            first[repository] = image.Digest;
        }

        await WaitForQuietFeedAsync(registryName, repositories, pushedAt, cancellationToken);
        await using var host = new ScannerHost(database.DataSource, ReceiverOn);
        var options = ScannerHost.Registry(registryName, registry.BaseAddress);
        options.ChangeFeed = RegistryChangeFeed.Notifications;
        var rows = new InventoryRows(database.DataSource, registryName);

        var initial = await host.ScanAsync(options, cancellationToken);
        host.Requests.Clear();
        var quiet = await host.ScanAsync(options, cancellationToken);
        var quietRequests = host.Requests.Requests;

        Assert.Equal((ScanStatus.Succeeded, 3, 0), Counts(initial));
        Assert.Equal((ScanStatus.Succeeded, 0, 3), Counts(quiet));
        Assert.DoesNotContain(quietRequests, r => repositories.Any(name => r.Path.StartsWith(
            $"/v2/{name}/", StringComparison.Ordinal)));
        Assert.Equal(
            repositories.SelectMany(name => new[] { (name, "v1", first[name]), (name, "v2", first[name]) })
                .ToHashSet(),
            await rows.TagsAsync(cancellationToken));

        var movedAt = TimeProvider.System.GetUtcNow();
        var moved = await builder.Image("feed/b")
            .Layer(l => l.File("/app/name", "feed/b, second build"))
            .PushAsync("v2", cancellationToken);
        await WaitForQuietFeedAsync(registryName, ["feed/b"], movedAt, cancellationToken);
        host.Requests.Clear();
        var afterPush = await host.ScanAsync(options, cancellationToken);
        var afterPushRequests = host.Requests.Requests;

        Assert.Equal((ScanStatus.Succeeded, 1, 2), Counts(afterPush));
        Assert.Contains(afterPushRequests, r => r.Path.StartsWith("/v2/feed/b/", StringComparison.Ordinal));
        Assert.DoesNotContain(afterPushRequests, r =>
            r.Path.StartsWith("/v2/feed/a/", StringComparison.Ordinal)
            || r.Path.StartsWith("/v2/feed/c/", StringComparison.Ordinal));
        Assert.Contains(("feed/b", "v2", moved.Digest), await rows.TagsAsync(cancellationToken));
        Assert.Contains(("feed/b", "v1", first["feed/b"]), await rows.TagsAsync(cancellationToken));

        options.FullScanInterval = TimeSpan.FromMilliseconds(1);
        var due = await host.ScanAsync(options, cancellationToken);

        Assert.Equal((ScanStatus.Succeeded, 3, 0), Counts(due));
    }

    [Fact]
    public async Task Rescan_FeedConfiguredButReceiverOff_ReadsEveryRepositoryAndRecordsNoFullScan()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("feed-off") + "/app";
        await builder.Image(repository).Layer(l => l.File("/app/name", repository)).PushAsync("v1", cancellationToken);
        await using var host = new ScannerHost(database.DataSource);
        var options = ScannerHost.Registry("feed-off", registryUrl, repository);
        options.ChangeFeed = RegistryChangeFeed.Notifications;

        await host.ScanAsync(options, cancellationToken);
        var rescan = await host.ScanAsync(options, cancellationToken);

        Assert.Equal((ScanStatus.Succeeded, 1, 0), Counts(rescan));
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var fullScan = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            FullScanSql, new { registry = "feed-off", repository }, cancellationToken: cancellationToken));
        Assert.Null(fullScan);
    }

    private static (string Status, int Scanned, int Unchanged) Counts(ScanSummary summary) =>
        (summary.Status, summary.Counts.RepositoriesScanned, summary.Counts.RepositoriesUnchanged);

    /// <summary>
    /// Waits until every repository has an event received after <paramref name="after"/> and the event count has
    /// stopped growing (the registry sends a push's blob and manifest events one by one).
    /// </summary>
    private async Task WaitForQuietFeedAsync(
        string registry, IReadOnlyList<string> repositories, DateTimeOffset after,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        async Task<List<(string Repository, DateTimeOffset ReceivedAt, long Events)>> ReadAsync() =>
            (await connection.QueryAsync<(string, DateTimeOffset, long)>(new CommandDefinition(
                EventsSql, new { registry }, cancellationToken: cancellationToken))).ToList();

        await Eventually.HoldsAsync(
            async () =>
            {
                var rows = await ReadAsync();
                return repositories.All(name => rows.Any(r => r.Repository == name && r.ReceivedAt >= after));
            },
            "the registry's push events reach the receiver",
            TimeSpan.FromSeconds(30),
            cancellationToken);

        var stableReads = 0;
        var last = -1L;
        while (stableReads < 3)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
            var total = (await ReadAsync()).Sum(r => r.Events);
            stableReads = total == last ? stableReads + 1 : 0;
            last = total;
        }
    }
}
