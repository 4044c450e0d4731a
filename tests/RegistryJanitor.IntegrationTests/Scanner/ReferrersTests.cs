using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class ReferrersTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string SpdxArtifact = "application/spdx+json";

    private const string StoredSql = """
        SELECT m.digest AS Digest, m.kind AS Kind, m.artifact_type AS ArtifactType,
            m.subject_digest AS SubjectDigest, rm.untagged_since IS NOT NULL AS Untagged
        FROM manifests AS m
        JOIN repository_manifests AS rm ON rm.manifest_id = m.id
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        WHERE g.name = @registry AND r.name = @repository AND rm.deleted_at IS NULL
        """;

    [Fact]
    public async Task ScanAsync_ReferrersOnlyTheApiLists_StoresEachClassifiedWithItsSubject()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("scan-referrers") + "/app";
        var subject = await builder.Image(repository).Layer(l => l.File("/app", "subject"))
            .PushAsync("v1", cancellationToken);
        var referrers = new (PushedImage Image, string Kind)[]
        {
            (await builder.Referrers.PushSigstoreBundleAsync(subject, cancellationToken), "signature"),
            (await builder.Referrers.PushAsync(subject, SpdxArtifact, SpdxArtifact, null, cancellationToken),
                "sbom"),
            (await builder.Referrers.PushAsync(
                subject, MediaTypes.DockerAttestationManifest, "application/vnd.in-toto+json", null,
                cancellationToken), "attestation"),
        };
        var api = new ReferrersApiHandler();
        foreach (var (image, _) in referrers)
        {
            api.Add(image);
        }

        await using var host = new ScannerHost(database.DataSource, extraHandler: () => api);
        var registry = ScannerHost.Registry("referrers-api", registryUrl, repository);

        var first = await host.ScanAsync(registry, cancellationToken);
        var stored = await StoredAsync("referrers-api", repository, cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, first.Status);
        Assert.Equal(1 + referrers.Length, first.Counts.ManifestsNew);
        var expected = referrers
            .Select(r => new StoredReferrer(r.Image.Digest, r.Kind, r.Image.ArtifactType, subject.Digest, false))
            .Append(new StoredReferrer(subject.Digest, "image", null, null, false))
            .ToHashSet();
        Assert.Equal(expected, stored);
        Assert.Contains($"{repository}@{subject.Digest}", api.Asked);

        host.Requests.Clear();
        var rescan = await host.ScanAsync(registry, cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, rescan.Status);
        Assert.Equal(0, host.Requests.ManifestOrBlobGets);
        Assert.Equal(expected, await StoredAsync("referrers-api", repository, cancellationToken));
    }

    [Fact]
    public async Task ScanAsync_RegistryWithoutReferrersApi_ProbesItOncePerScan()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var prefix = TestImageBuilder.UniqueRepository("scan-noreferrers");
        var repositories = new[] { prefix + "/one", prefix + "/two", prefix + "/three" };
        foreach (var repository in repositories)
        {
            await builder.Image(repository).Layer(l => l.File("/f", repository)).PushAsync("v1", cancellationToken);
        }

        await using var host = new ScannerHost(database.DataSource);
        var registry = ScannerHost.Registry("referrers-none", registryUrl, prefix + "/**");

        var scan = await host.ScanAsync(registry, cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, scan.Status);
        Assert.Equal(repositories.Length, scan.Counts.RepositoriesScanned);
        Assert.Single(host.Requests.Requests, r => r.Path.Contains("/referrers/", StringComparison.Ordinal));
    }

    private async Task<HashSet<StoredReferrer>> StoredAsync(
        string registry, string repository, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredReferrer>(new CommandDefinition(
            StoredSql, new { registry, repository }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
