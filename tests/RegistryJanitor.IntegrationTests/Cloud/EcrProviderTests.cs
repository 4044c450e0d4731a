using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Registries.Ecr;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>The ECR provider against <see cref="FakeEcrServer"/> (shapes from botocore's ECR service model).</summary>
public sealed class EcrProviderTests
{
    private static readonly string[] ReferrerNames = ["sig", "sbom", "provenance"];
    private static readonly Uri NoRegistry = new("http://127.0.0.1:9/");

    [Fact]
    public async Task ListRepositoriesAsync_ThreePages_FollowsNextTokenToTheEnd()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        ecr.Repositories.AddRange(Enumerable.Range(1, 5).Select(i => $"team/svc-{i}"));
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = Factory(services).CreateEcr(EcrTestData.Options(ecr, NoRegistry, pageSize: 2));

        var repositories = await provider.ListRepositoriesAsync(ct).ToListAsync(ct);

        Assert.Equal(ecr.Repositories, repositories);
        var calls = ecr.Calls("DescribeRepositories").Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(3, calls.Count);
        Assert.Equal([null, "token-2", "token-4"], calls.Select(c => (string?)c["nextToken"]));
        Assert.All(calls, c => Assert.Equal(2, (int)c["maxResults"]!));
        Assert.All(calls, c => Assert.Equal("123456789012", (string)c["registryId"]!));
    }

    [Fact]
    public async Task DescribeImagesAsync_ThrottledTwice_RetriesWithBackoffThenSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        ecr.ThrottleDescribeImages = 2;
        ecr.Images["app"] = [EcrTestData.Image(Digest.Sha256Of("a"u8).ToString(), ["v1"], 10, 1.7e9)];
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = Factory(services).CreateEcr(EcrTestData.Options(ecr, NoRegistry));

        var images = await provider.Api.DescribeImagesAsync("app", EcrTagStatus.Any, ct).ToListAsync(ct);

        Assert.Equal([Digest.Sha256Of("a"u8)], images.Select(i => i.Digest));
        Assert.Equal(3, ecr.Calls("DescribeImages").Count());
    }

    [Fact]
    public async Task DescribeImagesAsync_RepositoryNotFound_ReportsTheErrorTypeWithoutRetrying()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = Factory(services).CreateEcr(EcrTestData.Options(ecr, NoRegistry));

        var exception = await Assert.ThrowsAsync<CloudProviderException>(
            async () => await provider.Api.DescribeImagesAsync("missing", EcrTagStatus.Any, ct).ToListAsync(ct));

        Assert.Equal("RepositoryNotFoundException", exception.ErrorType);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Single(ecr.Calls("DescribeImages"));
    }

    [Fact]
    public async Task ListManifestFactsAsync_MultiArchReferrerArchivedAndDangling_ClassifiesAndSkipsArchived()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        var amd64 = Digest.Sha256Of("amd64"u8);
        var arm64 = Digest.Sha256Of("arm64"u8);
        var index = $$"""
            {"schemaVersion":2,"mediaType":"{{MediaTypes.OciIndex}}","manifests":[
            {"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{amd64}}","size":500},
            {"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{arm64}}","size":501}]}
            """;
        var indexDigest = Digest.Sha256Of(Encoding.UTF8.GetBytes(index));
        var signature = Digest.Sha256Of("signature"u8);
        var archived = Digest.Sha256Of("archived"u8);
        var dangling = Digest.Sha256Of("dangling"u8);
        ecr.Manifests[indexDigest.ToString()] = (MediaTypes.OciIndex, index);
        ecr.Images["app"] =
        [
            EcrTestData.Image(indexDigest.ToString(), ["v2", "latest"], 3000, 1_733_000_000.5, 1_733_100_000.25,
                MediaTypes.OciIndex),
            EcrTestData.Image(amd64.ToString(), [], 3000, 1_733_000_000),
            EcrTestData.Image(arm64.ToString(), [], 2900, 1_733_000_000),
            EcrTestData.Image(signature.ToString(), [], 700, 1_733_000_100, subject: indexDigest.ToString()),
            EcrTestData.Image(archived.ToString(), [], 2800, 1_700_000_000, status: "ARCHIVED"),
            EcrTestData.Image(dangling.ToString(), [], 2700, 1_710_000_000, status: "ACTIVE"),
        ];
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = Factory(services).CreateEcr(EcrTestData.Options(ecr, NoRegistry, pageSize: 4));

        var facts = await provider.ListManifestFactsAsync("app", ct);

        var roles = facts.ToDictionary(f => f.Manifest.Digest, f => f.Role);
        Assert.Equal(5, facts.Count);
        Assert.DoesNotContain(archived, roles.Keys);
        Assert.Equal(CloudManifestRole.Tagged, roles[indexDigest]);
        Assert.Equal(CloudManifestRole.IndexChild, roles[amd64]);
        Assert.Equal(CloudManifestRole.IndexChild, roles[arm64]);
        Assert.Equal(CloudManifestRole.Referrer, roles[signature]);
        Assert.Equal(CloudManifestRole.Untagged, roles[dangling]);
        var top = facts.Single(f => f.Manifest.Digest == indexDigest);
        Assert.Equal([amd64, arm64], top.Children);
        Assert.Equal(["v2", "latest"], top.Manifest.Tags);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_733_000_000_500), top.Manifest.PushedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_733_100_000_250), top.Manifest.LastPulledAt);
        Assert.Equal(indexDigest, facts.Single(f => f.Manifest.Digest == signature).Subject);
        Assert.All(facts, f => Assert.Equal(EcrRegistryProvider.ManifestSource, f.Manifest.Source));
        var batch = JsonNode.Parse(ecr.Calls("BatchGetImage").Single().Body)!;
        Assert.Equal(indexDigest.ToString(), (string?)batch["imageIds"]![0]!["imageDigest"]);
    }

    [Fact]
    public async Task GetDailyPullCountsAsync_PartialDataThenNextToken_CollectsEveryPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        ecr.MetricPages.Add(("m1", ["2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"], [40, 2]));
        ecr.MetricPages.Add(("m1", ["2026-11-03T00:00:00Z"], [7]));
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = Factory(services).CreateEcr(EcrTestData.Options(ecr, NoRegistry));

        var pulls = await provider.GetDailyPullCountsAsync(
            ["app", "team/api"], new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), ct);

        Assert.True(pulls.Available);
        Assert.Equal(
            [("team/api", new DateOnly(2026, 11, 1), 40L), ("team/api", new DateOnly(2026, 11, 2), 2L),
             ("team/api", new DateOnly(2026, 11, 3), 7L)],
            pulls.Value!.Select(p => (p.Repository, p.Day, p.Pulls)));
        var forms = ecr.Requests.Where(r => r.Path == "/monitoring/").Select(r => r.Form()).ToList();
        Assert.Equal(2, forms.Count);
        Assert.Equal("GetMetricData", forms[0]["Action"].Single());
        Assert.Equal("1", forms[1]["NextToken"].Single());
    }

    [Fact]
    public async Task GetDailyPullCountsAsync_AccessDenied_RecordsUnavailableInsteadOfFailing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        ecr.MetricsForbidden = true;
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = Factory(services).CreateEcr(EcrTestData.Options(ecr, NoRegistry));

        var pulls = await provider.GetDailyPullCountsAsync(
            ["app"], new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), ct);

        Assert.False(pulls.Available);
        Assert.Equal("HTTP 403 AccessDenied", pulls.UnavailableReason);
    }

    [Fact]
    public async Task ListImageReferrersAsync_TwoPages_ReturnsEveryReferrerOfTheSubject()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        var subject = Digest.Sha256Of("subject"u8);
        var referrers = ReferrerNames.Select(name => Digest.Sha256Of(Encoding.UTF8.GetBytes(name))).ToArray();
        ecr.Referrers[subject.ToString()] = referrers
            .Select((digest, index) => new JsonObject
            {
                ["digest"] = digest.ToString(),
                ["mediaType"] = MediaTypes.OciManifest,
                ["artifactType"] = index == 0 ? MediaTypes.NotarySignature : "application/spdx+json",
                ["size"] = 400 + index,
                ["artifactStatus"] = "ACTIVE",
            })
            .ToList();
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = Factory(services).CreateEcr(EcrTestData.Options(ecr, NoRegistry, pageSize: 2));

        var listed = await provider.Api.ListImageReferrersAsync("app", subject, ct).ToListAsync(ct);

        Assert.Equal(referrers, listed.Select(r => r.Digest));
        Assert.Equal(MediaTypes.NotarySignature, listed[0].ArtifactType);
        Assert.Equal(402, listed[2].SizeBytes);
        Assert.Equal(2, ecr.Calls("ListImageReferrers").Count());
    }

    private static CloudRegistryProviderFactory Factory(ServiceProvider services) =>
        services.GetRequiredService<CloudRegistryProviderFactory>();
}
