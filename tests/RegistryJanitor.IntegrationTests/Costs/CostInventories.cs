using RegistryJanitor.Core.Sharing;

namespace RegistryJanitor.IntegrationTests.Costs;

/// <summary>Hand-built inventories with known sharing: shared bases, an index, a referrer, an orphan.</summary>
internal static class CostInventories
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Inventory Mixed(string registry)
    {
        var base1 = Blob("base1", 1000);
        var base2 = Blob("base2", 2000);
        var shared = Blob("shared", 300);
        var amdChild = Image("multi", "child-amd", 400, Blob("cfg-amd", 3), [shared, Blob("amd", 40)]);
        var armChild = Image("multi", "child-arm", 410, Blob("cfg-arm", 4), [shared, Blob("arm", 30)]);
        var index = new InventoryManifest(
            "multi", Digest("index"), ManifestKind.Index, 300, null, [], [amdChild.Digest, armChild.Digest],
            [new InventoryTag("1.0", T0)], T0);
        var signature = new InventoryManifest(
            "multi", Digest("signature"), ManifestKind.Referrer, 250, Blob("cfg-sig", 2), [Blob("sig", 9)], [], [],
            T0, SubjectDigest: index.Digest);
        var orphan = new InventoryManifest(
            "payments/api", Digest("orphan"), ManifestKind.Referrer, 260, Blob("cfg-orphan", 2),
            [Blob("orphan-sig", 11)], [], [], T0, SubjectDigest: Digest("gone"));

        // The same manifest in two repositories: stored once registry-wide, twice per repository.
        var commonConfig = Blob("cfg-common", 7);
        var apiV1 = Image("payments/api", "api-v1", 500, Blob("cfg-api1", 5), [base1, base2, Blob("a1", 10)],
            Tag("v1", 0));
        var apiV2 = Image("payments/api", "api-v2", 501, Blob("cfg-api2", 6), [base1, base2, Blob("a2", 20)],
            Tag("v2", 1), Tag("latest", 1));
        var old = Image("payments/api", "api-old", 503, Blob("cfg-old", 8), [base1, Blob("a1", 10), Blob("u1", 50)]);
        var toolInPayments = Image("payments/tool", "tool", 600, commonConfig, [base1, Blob("t1", 70)], Tag("1", 0));
        var toolInWeb = toolInPayments with { Repository = "web/tool", Tags = [new InventoryTag("1", T0.AddDays(2))] };
        var cache = new InventoryManifest(
            "web/tool", Digest("cache"), ManifestKind.BuildCache, 700, Blob("cache-cfg", 1), [Blob("cache-l", 900)],
            [], [new InventoryTag("buildcache", T0.AddDays(3))], T0);

        return new Inventory(
            registry,
            [index, amdChild, armChild, signature, orphan, apiV1, apiV2, old, toolInPayments, toolInWeb, cache]);
    }

    public static string Digest(string name) => "sha256:" + Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    public static BlobReference Blob(string name, long size) => new(Digest("blob-" + name), size);

    public static InventoryTag Tag(string name, int days) => new(name, T0.AddDays(days));

    public static InventoryManifest Image(
        string repository, string name, long manifestBytes, BlobReference config, BlobReference[] layers,
        params InventoryTag[] tags) =>
        new(repository, Digest(name), ManifestKind.Image, manifestBytes, config, layers, [], tags, T0);
}
