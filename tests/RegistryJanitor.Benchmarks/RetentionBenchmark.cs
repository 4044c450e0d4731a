using System.Diagnostics;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using RegistryJanitor.Reports.Retention;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// Times the retention simulation a month-to-date report run (and the daily job) performs per registry: the
/// default policies over an in-memory inventory of N manifests, as read from PostgreSQL.
/// </summary>
/// <remarks>
/// Inventory: repositories of 20 tagged images, every 20th manifest untagged for 60 days; each manifest has its
/// own config, 3 layers of one of 50 base images, 2 layers shared in its repository and 2 of its own.
/// </remarks>
internal static class RetentionBenchmark
{
    private const int ImagesPerRepository = 20;
    private const int BaseImages = 50;

    public static (TimeSpan Wall, TimeSpan Cpu, long FreedBytes) Run(int manifests)
    {
        var now = new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
        var inventory = new Inventory("bench", Enumerable.Range(0, manifests).Select(i => Manifest(i, now)));
        var policies = RetentionOptions.DefaultPolicies.Select(policy => policy.ToPolicy()).ToList();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var sharing = new SharingCalculator(inventory, DedupScope.Registry);
        var freed = policies.Sum(policy => RetentionSimulator.Simulate(sharing, policy, now).Freed.Total);
        wall.Stop();
        return (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, freed);
    }

    private static InventoryManifest Manifest(int i, DateTimeOffset now)
    {
        var repository = i / ImagesPerRepository;
        var baseImage = repository % BaseImages;
        var pushedAt = now.AddHours(-i % 5000);
        var layers = new List<BlobReference>();
        for (var k = 0; k < 3; k++)
        {
            layers.Add(Blob($"base-{baseImage}-{k}", 30_000_000 + k));
        }

        layers.Add(Blob($"repo-{repository}-{i % 2}", 5_000_000));
        layers.Add(Blob($"repo-{repository}-x", 2_000_000));
        layers.Add(Blob($"own-{i}-a", 1_000_000 + i));
        layers.Add(Blob($"own-{i}-b", 500_000 + i));
        var untagged = i % 20 == 19;
        IReadOnlyList<InventoryTag> tags = untagged ? [] : [new InventoryTag($"1.{i % ImagesPerRepository}", pushedAt)];
        return new InventoryManifest(
            $"team-{repository % 50}/service-{repository}",
            Digest($"manifest-{i}"),
            ManifestKind.Image,
            1_500,
            Blob($"config-{i}", 8_000),
            layers,
            [],
            tags,
            pushedAt,
            UntaggedSince: untagged ? now.AddDays(-60) : null);
    }

    private static BlobReference Blob(string name, long size) => new(Digest(name), size);

    private static string Digest(string name) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(name)));
}
