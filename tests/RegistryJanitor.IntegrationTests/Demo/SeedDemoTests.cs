using Dapper;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Demo;

public sealed class SeedDemoTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string ManifestsSql = """
        SELECT r.name AS repository, m.digest, m.kind, m.config_user AS configUser, m.subject_digest AS subject,
            rm.untagged_since IS NOT NULL AS untagged
        FROM repository_manifests AS rm
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        JOIN manifests AS m ON m.id = rm.manifest_id
        WHERE g.name = @registry AND rm.deleted_at IS NULL
        """;

    private const string TagsSql = """
        SELECT r.name AS repository, t.name AS tag, m.digest
        FROM tags AS t
        JOIN repositories AS r ON r.id = t.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        JOIN manifests AS m ON m.id = t.manifest_id
        WHERE g.name = @registry
        """;

    private static readonly string[] SignedVersions = ["3.0.0", "3.1.0", "3.2.0"];

    [Fact]
    public async Task SeedDemo_FreshRegistryThenScan_CoversEveryPromisedShape()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var files = new TemporaryDirectory();
        DemoFilesFolder.Write(files.Path);

        await using var host = new ScannerHost(database.DataSource);
        var demo = ScannerHost.Registry("demo-seed", registry.BaseAddress);

        var seeded = await SeedAsync(registry.BaseAddress, files.Path, cancellationToken);
        await host.ScanAsync(demo, cancellationToken);
        var secondPass = await SeedAsync(registry.BaseAddress, files.Path, cancellationToken);
        var scan = await host.ScanAsync(demo, cancellationToken);
        var thirdCall = await SeedAsync(registry.BaseAddress, files.Path, cancellationToken);

        Assert.True(seeded.ExitCode == 0, seeded.StandardOutput + seeded.StandardError);
        Assert.True(secondPass.ExitCode == 0, secondPass.StandardOutput + secondPass.StandardError);
        Assert.DoesNotContain("stand-ins", seeded.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("nothing to do", thirdCall.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(ScanStatus.Succeeded, scan.Status);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var manifests = (await connection.QueryAsync<StoredDemoManifest>(new CommandDefinition(
            ManifestsSql, new { registry = "demo-seed" }, cancellationToken: cancellationToken))).ToList();
        var tags = (await connection.QueryAsync<(string Repository, string Tag, string Digest)>(new CommandDefinition(
            TagsSql, new { registry = "demo-seed" }, cancellationToken: cancellationToken))).ToList();
        string Tagged(string repository, string tag) =>
            tags.Single(t => t.Repository == repository && t.Tag == tag).Digest;
        StoredDemoManifest Manifest(string repository, string digest) =>
            manifests.Single(m => m.Repository == repository && m.Digest == digest);

        Assert.Equal(
            ["demo/checkout-api", "demo/ci-runner", "demo/edge-proxy", "demo/legacy-billing", "demo/ml-scoring"],
            manifests.Select(m => m.Repository).Distinct().Order(StringComparer.Ordinal));
        Assert.Single(manifests, m => m.Untagged && m.Kind == "image" && m.Repository == "demo/checkout-api");
        Assert.Equal(12, tags.Count(t => t.Repository == "demo/checkout-api" && t.Tag.StartsWith('v')));

        var mlTags = tags.Where(t => t.Repository == "demo/ml-scoring").ToList();
        Assert.Equal(3, mlTags.Count);
        Assert.All(mlTags, t => Assert.Equal("index", Manifest(t.Repository, t.Digest).Kind));
        Assert.Equal(6, manifests.Count(m => m.Repository == "demo/ml-scoring" && m.Kind == "attestation"));
        Assert.Equal(6, manifests.Count(m => m.Repository == "demo/ml-scoring" && m.Kind == "image"));

        var signed = SignedVersions.Select(v => (string?)Tagged("demo/edge-proxy", v)).ToHashSet();
        Assert.Equal(signed, manifests.Where(m => m.Kind == "signature").Select(m => m.Subject).ToHashSet());
        Assert.Equal("build_cache", Manifest("demo/ci-runner", Tagged("demo/ci-runner", "buildcache")).Kind);

        Assert.Equal("1000", Manifest("demo/checkout-api", Tagged("demo/checkout-api", "latest")).ConfigUser);
        Assert.Equal("65532:65532", Manifest("demo/edge-proxy", Tagged("demo/edge-proxy", "latest")).ConfigUser);
        Assert.Equal("0", Manifest("demo/legacy-billing", Tagged("demo/legacy-billing", "4.3")).ConfigUser);
        Assert.Equal(string.Empty, Manifest("demo/ci-runner", Tagged("demo/ci-runner", "build-4")).ConfigUser ?? "");
    }

    [Fact]
    public async Task SeedDemo_SeededRegistry_DoesNothingAndRefusesForeignRepositories()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var files = new TemporaryDirectory();
        DemoFilesFolder.Write(files.Path);
        var first = await SeedAsync(registry.BaseAddress, files.Path, cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        await builder.Image("team/payments").Layer(l => l.File("/content", "not demo"))
            .PushAsync("v1", cancellationToken);

        var refused = await SeedAsync(registry.BaseAddress, files.Path, cancellationToken);

        Assert.True(first.ExitCode == 0, first.StandardOutput + first.StandardError);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("team/payments", refused.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--force", refused.StandardOutput, StringComparison.Ordinal);
    }

    private Task<ProductProcessResult> SeedAsync(Uri registry, string files, CancellationToken cancellationToken) =>
        ProductProcess.RunAsync(
            ["seed-demo", "--registry-url", registry.ToString(), "--files", files],
            new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = database.ConnectionString },
            cancellationToken);
}
