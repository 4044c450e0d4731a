using System.Diagnostics;
using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// Ground truth from a filesystem-backed distribution registry: the bytes its blob store really holds, and
/// its own garbage collector. Works for a <see cref="RegistryProcess"/> and for the shared test registry
/// (REGISTRYJANITOR_TEST_REGISTRY_STORAGE and REGISTRYJANITOR_TEST_REGISTRY_CONFIG).
/// </summary>
public static class RegistryStorage
{
    /// <summary>
    /// Sum of the sizes of every blob <c>data</c> file under <c>docker/registry/v2/blobs</c>. Layers, configs
    /// and manifests are all stored there, each once per digest, so this is what the registry keeps on disk.
    /// </summary>
    public static long SumBlobDataBytes(string storageRoot)
    {
        return BlobDataFiles(storageRoot).Sum(f => f.Length);
    }

    /// <summary>The digests whose data the blob store holds.</summary>
    public static IReadOnlySet<string> StoredDigests(string storageRoot)
    {
        return BlobDataFiles(storageRoot).Select(f => "sha256:" + f.Directory!.Name).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Runs <c>BINARY garbage-collect CONFIG [--delete-untagged] [--dry-run]</c>. Run it while the registry is
    /// idle: the collector does not coordinate with uploads in flight.
    /// </summary>
    /// <remarks>
    /// distribution 2.8 with <c>--delete-untagged</c> also removes the child manifests of a tagged index (they
    /// have no tag of their own) and then collects their configs and layers; only the index and the child
    /// manifest blobs remain. Compare with single-platform images, or expect that (see the
    /// GarbageCollectionTests).
    /// </remarks>
    public static async Task<GarbageCollectResult> GarbageCollectAsync(
        string binary,
        string configPath,
        bool deleteUntagged,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("garbage-collect");
        start.ArgumentList.Add(configPath);
        if (deleteUntagged)
        {
            start.ArgumentList.Add("--delete-untagged");
        }

        if (dryRun)
        {
            start.ArgumentList.Add("--dry-run");
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {binary}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = new StringBuilder().Append(await output).Append(await error).ToString();
        return new GarbageCollectResult(process.ExitCode, text);
    }

    private static IEnumerable<FileInfo> BlobDataFiles(string storageRoot)
    {
        var blobs = new DirectoryInfo(Path.Combine(storageRoot, "docker", "registry", "v2", "blobs"));
        return blobs.Exists
            ? blobs.EnumerateFiles("data", SearchOption.AllDirectories)
            : [];
    }
}
