using System.Globalization;
using Dapper;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.Registries.Ecr;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A scan through the ECR provider (fake control plane and CloudWatch, a real distribution registry with htpasswd
/// <c>AWS:&lt;password&gt;</c> serving <c>/v2</c>) stores the same tags, presence and manifests as a generic scan
/// of the same registry, plus the provider-only facts and pull counts.
/// </summary>
public sealed class EcrScanAcceptanceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string FactsSql = """
        SELECT m.digest, rm.pushed_at, rm.last_pulled_at, rm.provider_size_bytes, rm.locked, rm.facts_source,
            rm.provider_role
        FROM repository_manifests AS rm
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        JOIN manifests AS m ON m.id = rm.manifest_id
        WHERE g.name = @registry
        """;

    private const string PullsSql = """
        SELECT repository, day, pull_count
        FROM pull_counts
        WHERE registry = @registry AND source = 'provider-metric'
        """;

    [Fact]
    public async Task ScanAsync_EcrProviderOverRealRegistry_StoresSameRowsAsGenericScanPlusProviderFacts()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registryProcess, password) = await CloudScanArrange.StartEcrRegistryAsync(ct);
        await using var registry = registryProcess;
        using var builder = CloudScanArrange.EcrBuilder(registry.BaseAddress, password);
        var repository = "team/app";
        var first = await builder.Image(repository).Layer(l => l.File("/srv/a.txt", "alpha"))
            .PushAsync(["v1", "stable"], ct);
        var second = await builder.Image(repository).Layer(l => l.File("/srv/b.txt", "beta")).PushAsync("v2", ct);
        var now = TimeProvider.System.GetUtcNow();
        var pushedAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
        var pulledAt = new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);
        await using var ecr = await CloudScanArrange.StartEcrAsync(registry.BaseAddress, password, ct);
        ecr.Repositories.Add(repository);
        ecr.Images[repository] =
        [
            EcrTestData.Image(first.Digest, ["v1", "stable"], first.ImageBytes, pushedAt.ToUnixTimeSeconds(),
                pulledAt.ToUnixTimeSeconds()),
            EcrTestData.Image(second.Digest, ["v2"], second.ImageBytes, pushedAt.AddDays(1).ToUnixTimeSeconds()),
        ];
        var pullDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        ecr.MetricPages.Add(
            ("m0", [pullDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z"], [12]));
        await using var host = new ScannerHost(database.DataSource);
        var generic = ScannerHost.Registry("generic-ecr-source", registry.BaseAddress);
        generic.Username = "AWS";
        generic.Password = password;
        var cloud = CloudScanArrange.EcrOptions(ecr, registry.BaseAddress, "ecr-scan");

        var genericRun = await host.ScanAsync(generic, ct);
        var cloudRun = await host.ScanAsync(cloud, ct);

        Assert.Equal(ScanStatus.Succeeded, genericRun.Status);
        Assert.Equal(ScanStatus.Succeeded, cloudRun.Status);
        var genericRows = new InventoryRows(database.DataSource, generic.Name);
        var cloudRows = new InventoryRows(database.DataSource, cloud.Name);
        var expectedTags = new HashSet<(string, string, string)>
        {
            (repository, "v1", first.Digest), (repository, "stable", first.Digest), (repository, "v2", second.Digest),
        };
        Assert.Equal(expectedTags, await genericRows.TagsAsync(ct));
        Assert.Equal(expectedTags, await cloudRows.TagsAsync(ct));
        Assert.Equal(await genericRows.PresenceAsync(ct), await cloudRows.PresenceAsync(ct));
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        var facts = (await connection.QueryAsync<(string, DateTime?, DateTime?, long?, bool?, string?, string?)>(
            new CommandDefinition(FactsSql, new { registry = cloud.Name }, cancellationToken: ct)))
            .ToDictionary(f => f.Item1);
        Assert.Equal(
            (first.Digest, (DateTime?)pushedAt.UtcDateTime, (DateTime?)pulledAt.UtcDateTime, (long?)first.ImageBytes,
                (bool?)false, (string?)EcrRegistryProvider.ManifestSource, (string?)"tagged"),
            facts[first.Digest]);
        Assert.Equal(
            (second.Digest, (DateTime?)pushedAt.AddDays(1).UtcDateTime, (DateTime?)null, (long?)second.ImageBytes,
                (bool?)false, (string?)EcrRegistryProvider.ManifestSource, (string?)"tagged"),
            facts[second.Digest]);
        var genericFacts = await connection.QueryAsync<
            (string, DateTime?, DateTime?, long?, bool?, string?, string?)>(
            new CommandDefinition(FactsSql, new { registry = generic.Name }, cancellationToken: ct));
        Assert.All(genericFacts, f => Assert.Null(f.Item7));
        var pulls = await connection.QueryAsync<(string, DateTime, long)>(
            new CommandDefinition(PullsSql, new { registry = cloud.Name }, cancellationToken: ct));
        Assert.Equal((repository, pullDay.ToDateTime(TimeOnly.MinValue), 12L), Assert.Single(pulls));
    }
}
