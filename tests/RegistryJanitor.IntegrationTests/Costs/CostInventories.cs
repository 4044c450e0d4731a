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

    /// <summary>
    /// Successive tags sharing layers (one listing a layer twice, two tags pushed at the same time), the same
    /// image in two repositories, successive multi-platform indexes sharing a child, and two base families:
    /// one by first layer, one by base digest annotation whose members diverge after one layer.
    /// </summary>
    public static Inventory Families(string registry)
    {
        var debian1 = Blob("debian-1", 30_000);
        var debian2 = Blob("debian-2", 20_000);
        var runtime = Blob("runtime", 7_000);
        var v1 = Image("svc/api", "svc-v1", 900, Blob("cfg-v1", 11), [debian1, debian2, runtime, Blob("app-1", 500)],
            Tag("1", 0));
        var v2 = Image("svc/api", "svc-v2", 901, Blob("cfg-v2", 12), [debian1, debian2, runtime, Blob("app-2", 600)],
            Tag("2", 1));
        var v3 = Image("svc/api", "svc-v3", 902, Blob("cfg-v3", 13),
            [debian1, debian2, Blob("runtime-3", 8_000), Blob("app-3", 700), Blob("app-3", 700)],
            Tag("latest", 2), Tag("3", 2));
        var copy = v1 with { Repository = "svc/copy", Tags = [new InventoryTag("1", T0.AddDays(4))] };

        var shared = Blob("tool-shared", 4_000);
        var amd1 = Image("tools/cli", "cli-amd-1", 400, Blob("cfg-cli-amd-1", 3), [shared, Blob("cli-amd-1", 90)]);
        var arm = Image("tools/cli", "cli-arm", 401, Blob("cfg-cli-arm", 4), [shared, Blob("cli-arm", 80)]);
        var amd2 = Image("tools/cli", "cli-amd-2", 402, Blob("cfg-cli-amd-2", 5), [shared, Blob("cli-amd-2", 95)]);
        var index1 = new InventoryManifest(
            "tools/cli", Digest("cli-index-1"), ManifestKind.Index, 300, null, [], [amd1.Digest, arm.Digest],
            [Tag("1.0", 0)], T0);
        var index2 = new InventoryManifest(
            "tools/cli", Digest("cli-index-2"), ManifestKind.Index, 301, null, [], [amd2.Digest, arm.Digest],
            [Tag("2.0", 3)], T0);

        var alpine = Blob("alpine-1", 3_000);
        var web1 = Image("web/site", "web-1", 500, Blob("cfg-web-1", 6), [alpine, Blob("nginx-1", 900)], Tag("a", 0))
            with { BaseDigest = Digest("alpine-base"), BaseName = "alpine:3.20" };
        var web2 = Image("web/site", "web-2", 501, Blob("cfg-web-2", 7), [alpine, Blob("nginx-2", 950)], Tag("b", 1))
            with { BaseDigest = Digest("alpine-base"), BaseName = "alpine:3.20" };
        var web3 = Image("web/other", "web-3", 502, Blob("cfg-web-3", 8), [alpine, Blob("nginx-1", 900)],
            Tag("c", 2)) with { BaseDigest = Digest("alpine-base"), BaseName = "alpine:latest" };

        return new Inventory(registry, [v1, v2, v3, copy, amd1, arm, amd2, index1, index2, web1, web2, web3]);
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
