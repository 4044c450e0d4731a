using System.Text.Json.Nodes;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// Index children, attestations and signatures that ACR and ECR list as untagged are stored with their provider
/// role and stay out of dead weight; only an image nothing refers to is dead weight, with the bytes it alone holds.
/// Listings follow GetManifestList.json (ACR, <c>references</c> of an index) and the ECR ImageDetail shape
/// (<c>subjectManifestDigest</c>, <c>artifactMediaType</c>; index bodies through BatchGetImage).
/// </summary>
public sealed class UntaggedRolesAcceptanceTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ScanAsync_AcrListsIndexChildrenAndReferrersUntagged_OnlyOrphanIsDeadWeight()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(new RegistryProcessOptions(), ct);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var scenario = await UntaggedRolesScenario.PushAsync(builder, ct);
        await using var acr = await CloudScanArrange.StartAcrAsync(registry.BaseAddress, ct);
        var pushedAt = TimeProvider.System.GetUtcNow().AddHours(-2);
        acr.Manifests[UntaggedRolesScenario.Repository] =
        [
            AcrItem(scenario.Index.Digest, scenario.Index.MediaType, null, scenario.Index.ImageBytes,
                [UntaggedRolesScenario.IndexTag], pushedAt, scenario.Index.Manifests.Select(m => m.Digest)),
            .. scenario.Index.AllImages.Select(i => AcrItem(i, pushedAt)),
            AcrItem(scenario.Signature, pushedAt),
            AcrItem(scenario.Orphan, pushedAt),
        ];
        await using var host = new ScannerHost(database.DataSource);
        var options = CloudScanArrange.AcrOptions(acr, "acr-roles");

        var run = await host.ScanAsync(options, ct);
        var rescan = await host.ScanAsync(options, ct);

        // The roles are read after the re-scan, which finds every manifest stored already and must keep them.
        Assert.Equal((ScanStatus.Succeeded, 0, (string?)null), (run.Status, run.Errors, run.Error));
        Assert.Equal((ScanStatus.Succeeded, 0), (rescan.Status, rescan.Errors));
        await AssertRolesAndDeadWeightAsync(scenario, options.Name, ct);
    }

    [Fact]
    public async Task ScanAsync_EcrListsIndexChildrenAndReferrersUntagged_OnlyOrphanIsDeadWeight()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registry, password) = await CloudScanArrange.StartEcrRegistryAsync(ct);
        await using var registryProcess = registry;
        using var builder = CloudScanArrange.EcrBuilder(registry.BaseAddress, password);
        var scenario = await UntaggedRolesScenario.PushAsync(builder, ct);
        await using var ecr = await CloudScanArrange.StartEcrAsync(registry.BaseAddress, password, ct);
        var pushedAt = TimeProvider.System.GetUtcNow().AddHours(-2).ToUnixTimeSeconds();
        var index = EcrTestData.Image(scenario.Index.Digest, [UntaggedRolesScenario.IndexTag],
            scenario.Index.ImageBytes, pushedAt, mediaType: scenario.Index.MediaType);
        index.Remove("artifactMediaType");
        ecr.Repositories.Add(UntaggedRolesScenario.Repository);
        ecr.Images[UntaggedRolesScenario.Repository] =
        [
            index,
            .. scenario.Index.AllImages.Select(i => EcrItem(i, pushedAt)),
            EcrItem(scenario.Signature, pushedAt),
            EcrItem(scenario.Orphan, pushedAt),
        ];
        ecr.MetricPages.Add(("m0", [], []));
        ecr.Manifests[scenario.Index.Digest] =
            (scenario.Index.MediaType, System.Text.Encoding.UTF8.GetString(scenario.Index.Body.Span));
        await using var host = new ScannerHost(database.DataSource);
        var options = CloudScanArrange.EcrOptions(ecr, registry.BaseAddress, "ecr-roles");

        var run = await host.ScanAsync(options, ct);

        Assert.Equal((ScanStatus.Succeeded, 0, (string?)null), (run.Status, run.Errors, run.Error));
        await AssertRolesAndDeadWeightAsync(scenario, options.Name, ct);
    }

    private async Task AssertRolesAndDeadWeightAsync(
        UntaggedRolesScenario scenario, string registry, CancellationToken ct)
    {
        var expectedRoles = scenario.ExpectedRoles();
        Assert.Equal(7, expectedRoles.Count);
        var roles = await UntaggedRolesScenario.StoredRolesAsync(database.DataSource, registry, ct);
        Assert.Equal(
            expectedRoles.OrderBy(r => r.Key, StringComparer.Ordinal),
            roles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => KeyValuePair.Create(r.Key, r.Value!)));

        var deadWeight = await UntaggedRolesScenario.DeadWeightAsync(database.DataSource, registry, ct);

        var row = Assert.Single(deadWeight);
        Assert.Equal(("untagged", UntaggedRolesScenario.Repository, scenario.Orphan.Digest, (string?)null),
            (row.Kind, row.Repository, row.Digest, row.Tag));
        Assert.Equal(scenario.Orphan.Config.Size + scenario.Orphan.Layers.Sum(l => l.Size),
            scenario.OrphanExclusiveBytes());
        Assert.Equal(scenario.OrphanExclusiveBytes(), row.FreedBytes);
    }

    private static JsonObject AcrItem(PushedImage image, DateTimeOffset pushedAt) =>
        AcrItem(image.Digest, image.MediaType, image.Config.MediaType, image.ImageBytes, [], pushedAt, []);

    private static JsonObject AcrItem(
        string digest,
        string mediaType,
        string? configMediaType,
        long size,
        string[] tags,
        DateTimeOffset pushedAt,
        IEnumerable<string> children)
    {
        var item = new JsonObject
        {
            ["digest"] = digest,
            ["imageSize"] = size,
            ["createdTime"] = pushedAt.ToString("O"),
            ["lastUpdateTime"] = pushedAt.ToString("O"),
            ["mediaType"] = mediaType,
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()),
        };
        if (configMediaType is not null)
        {
            item["configMediaType"] = configMediaType;
        }

        var references = children.Select(c => (JsonNode)new JsonObject { ["digest"] = c }).ToArray();
        if (references.Length > 0)
        {
            item["references"] = new JsonArray(references);
        }

        return item;
    }

    private static JsonObject EcrItem(PushedImage image, long pushedAt)
    {
        var item = EcrTestData.Image(image.Digest, [], image.ImageBytes, pushedAt, mediaType: image.MediaType,
            subject: image.SubjectDigest);
        item["artifactMediaType"] = image.ArtifactType ?? image.Config.MediaType;
        return item;
    }
}
