using Dapper;
using Npgsql;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.Reports;
using RegistryJanitor.Reports.Model;
using RegistryJanitor.Storage.Costs;
using RegistryJanitor.Storage.Reports;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// One repository with every kind of manifest a provider lists without a tag: a tagged two-platform index with an
/// attestation manifest per platform (untagged children), a Sigstore bundle signature of the index pushed by
/// digest (an untagged referrer) and one image nothing refers to (the only genuine dead weight).
/// </summary>
public sealed class UntaggedRolesScenario
{
    public const string Repository = "team/multi";

    public const string IndexTag = "release";

    private const string RolesSql = """
        SELECT m.digest, rm.provider_role
        FROM repository_manifests AS rm
        JOIN repositories AS r ON r.id = rm.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        JOIN manifests AS m ON m.id = rm.manifest_id
        WHERE g.name = @registry AND rm.deleted_at IS NULL
        """;

    private const string RegistryIdSql = "SELECT id FROM registries WHERE name = @name";

    private UntaggedRolesScenario(PushedIndex index, PushedImage signature, PushedImage orphan)
    {
        Index = index;
        Signature = signature;
        Orphan = orphan;
    }

    public PushedIndex Index { get; }

    public PushedImage Signature { get; }

    public PushedImage Orphan { get; }

    /// <summary>Every image manifest pushed: platform images, attestations, the signature and the orphan.</summary>
    public IEnumerable<PushedImage> AllImages => Index.AllImages.Append(Signature).Append(Orphan);

    /// <summary>The provider role each pushed manifest must be stored with.</summary>
    public Dictionary<string, string> ExpectedRoles()
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal) { [Index.Digest] = "tagged" };
        foreach (var child in Index.AllImages)
        {
            roles[child.Digest] = "index_child";
        }

        roles[Signature.Digest] = "referrer";
        roles[Orphan.Digest] = "untagged";
        return roles;
    }

    /// <summary>
    /// Bytes deleting the orphan frees: its blobs that no other pushed manifest references (manifest body apart,
    /// as exclusive bytes count blobs only).
    /// </summary>
    public long OrphanExclusiveBytes()
    {
        var elsewhere = AllImages.Where(i => i != Orphan).SelectMany(i => i.Blobs).Select(b => b.Digest).ToHashSet();
        return Orphan.Blobs.DistinctBy(b => b.Digest).Where(b => !elsewhere.Contains(b.Digest)).Sum(b => b.Size);
    }

    public static async Task<UntaggedRolesScenario> PushAsync(
        TestImageBuilder builder, CancellationToken cancellationToken)
    {
        var index = await builder.Index(Repository)
            .Image(ImagePlatform.LinuxAmd64, i => i.Layer(l => l.File("/app/bin", "amd64 build")))
            .Image(ImagePlatform.LinuxArm64, i => i.Layer(l => l.File("/app/bin", "arm64 build")))
            .WithAttestations()
            .PushAsync(IndexTag, cancellationToken);
        var signature = await builder.Referrers.PushSigstoreBundleAsync(index, cancellationToken);
        var orphan = await builder.Image(Repository)
            .Layer(l => l.File("/app/bin", "an old build nothing points at"))
            .PushByDigestAsync(cancellationToken);
        return new UntaggedRolesScenario(index, signature, orphan);
    }

    /// <summary>The stored provider role of every present manifest of <paramref name="registry"/>.</summary>
    public static async Task<Dictionary<string, string?>> StoredRolesAsync(
        NpgsqlDataSource dataSource, string registry, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Digest, string? Role)>(
            new CommandDefinition(RolesSql, new { registry }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Digest, r => r.Role, StringComparer.Ordinal);
    }

    /// <summary>
    /// Computes today's costs for <paramref name="registry"/> and returns the dead weight the cost workbook would
    /// list for it.
    /// </summary>
    public static async Task<List<DeadWeightRow>> DeadWeightAsync(
        NpgsqlDataSource dataSource, string registry, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        int registryId;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            registryId = await connection.ExecuteScalarAsync<int>(
                new CommandDefinition(RegistryIdSql, new { name = registry }, cancellationToken: cancellationToken));
        }

        var pricing = new PricingOptions();
        pricing.Profiles["generic"] = new PricingProfileOptions { Source = "test", StoragePricePerGbMonth = 0.1m };
        await new DailyCostComputation(dataSource).ComputeAsync(
            new DailyCostRequest(registryId, registry, today, pricing, now), cancellationToken);
        var loader = new CostReportLoader(dataSource, Microsoft.Extensions.Options.Options.Create(new ReportOptions()));
        var data = await loader.LoadAsync(
            ReportPeriod.For(new DateOnly(today.Year, today.Month, 1), today), pricing, now, cancellationToken);
        return [.. data.DeadWeight.Where(d => d.Registry == registry)];
    }
}
