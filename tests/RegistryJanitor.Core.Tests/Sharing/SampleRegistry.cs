using RegistryJanitor.Core.Sharing;

namespace RegistryJanitor.Core.Tests.Sharing;

/// <summary>
/// A small registry with known sharing: two repositories on one base (base1, base2), an untagged manifest
/// sharing a layer with app:v1, and a manifest tagged twice.
/// </summary>
internal static class SampleRegistry
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly BlobReference Base1 = Blob("base1", 100);
    public static readonly BlobReference Base2 = Blob("base2", 200);
    public static readonly BlobReference A1 = Blob("a1", 10);
    public static readonly BlobReference A2 = Blob("a2", 20);
    public static readonly BlobReference X1 = Blob("x1", 1000);
    public static readonly BlobReference U1 = Blob("u1", 50);
    public static readonly BlobReference C1 = Blob("c1", 5);
    public static readonly BlobReference C2 = Blob("c2", 6);
    public static readonly BlobReference C3 = Blob("c3", 7);
    public static readonly BlobReference C4 = Blob("c4", 8);

    public static readonly InventoryManifest AppV1 =
        Image("app", "m-app-v1", 500, C1, [Base1, Base2, A1], Tag("v1", 0));

    public static readonly InventoryManifest AppV2 =
        Image("app", "m-app-v2", 501, C2, [Base1, Base2, A2], Tag("v2", 1));

    public static readonly InventoryManifest ApiV1 =
        Image("api", "m-api-v1", 502, C3, [Base1, Base2, X1], Tag("v1", 0), Tag("latest", 1));

    public static readonly InventoryManifest AppUntagged = Image("app", "m-app-old", 503, C4, [Base1, A1, U1]);

    public static Inventory Create() => new("sample", [AppV1, AppV2, ApiV1, AppUntagged]);

    public static BlobReference Blob(string name, long size) => new("sha256:" + name, size);

    public static InventoryTag Tag(string name, int days) => new(name, T0.AddDays(days));

    public static InventoryManifest Image(
        string repository, string digest, long manifestBytes, BlobReference config, BlobReference[] layers,
        params InventoryTag[] tags) =>
        new(repository, "sha256:" + digest, ManifestKind.Image, manifestBytes, config, layers, [], tags, T0);
}
