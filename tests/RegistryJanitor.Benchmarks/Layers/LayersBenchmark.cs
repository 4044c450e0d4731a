using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Layers;

namespace RegistryJanitor.Benchmarks.Layers;

/// <summary>
/// Layer analysis throughput against <c>gzip -dc</c>, <c>tar -tzvf</c> and a bare GZipStream + TarReader walk
/// of the same blob, one layer versus two in parallel, and peak memory of a separate analysing process.
/// </summary>
/// <remarks>Options: <c>--size-mb N</c> (uncompressed content, default 600), <c>--repeat N</c> (default 3).</remarks>
internal static class LayersBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        if (args is ["--analyse-only", var blobPath, var count])
        {
            return AnalyseOnly(blobPath, int.Parse(count), output);
        }

        var sizeMb = Option(args, "--size-mb", 600);
        var repeat = Option(args, "--repeat", 3);
        var path = Path.Combine(Path.GetTempPath(), $"registryjanitor-bench-layer-{sizeMb}mb.tar.gz");
        if (!File.Exists(path))
        {
            output.WriteLine($"writing {path} ...");
            BenchmarkLayerGenerator.Write(path + ".partial", (long)sizeMb << 20);
            File.Move(path + ".partial", path, overwrite: true);
        }

        var blob = new BlobFacts(path);
        output.WriteLine($"blob: {blob.CompressedBytes / 1e6:F1} MB compressed, {blob.TarBytes / 1e6:F1} MB tar, "
            + $"{blob.Entries} entries; load average before: {LoadAverage()}; best of {repeat}");

        var gzip = Best(repeat, () => Shell($"gzip -dc '{path}' > /dev/null"));
        var tarList = Best(repeat, () => Shell($"tar -tzvf '{path}' > /dev/null"));
        var bare = Best(repeat, () => BareWalk(path));
        var one = Best(repeat, () => Analyse(blob, parallel: 1));
        var two = Best(repeat, () => Analyse(blob, parallel: 2));
        var peakOne = PeakMemory(path, 1);
        var peakTwo = PeakMemory(path, 2);

        double Rate(TimeSpan time, int layers = 1) => layers * blob.TarBytes / 1e6 / time.TotalSeconds;
        var gzipRate = Rate(gzip);
        output.WriteLine();
        output.WriteLine("| Measurement | Time (s) | Uncompressed MB/s | vs `gzip -dc` |");
        output.WriteLine("|---|---|---|---|");
        Row(output, "`gzip -dc file > /dev/null`", gzip, gzipRate, gzipRate);
        Row(output, "`tar -tzvf file > /dev/null`", tarList, Rate(tarList), gzipRate);
        Row(output, "bare GZipStream + TarReader walk", bare, Rate(bare), gzipRate);
        Row(output, "analysis, one layer, one thread", one, Rate(one), gzipRate);
        Row(output, "analysis, two layers on two threads", two, Rate(two, 2), gzipRate);
        output.WriteLine();
        output.WriteLine($"analysis / bare walk: {Rate(one) / Rate(bare):F2}; "
            + $"two layers vs one: {Rate(two, 2) / Rate(one):F2}x; "
            + $"peak RSS analysing one layer: {peakOne / 1e6:F0} MB, two in parallel: {peakTwo / 1e6:F0} MB; "
            + $"load average after: {LoadAverage()}");
        return 0;
    }

    private static void Row(TextWriter output, string name, TimeSpan time, double rate, double gzipRate) =>
        output.WriteLine($"| {name} | {time.TotalSeconds:F2} | {rate:F0} | {rate / gzipRate:F2}x |");

    private static TimeSpan Best(int repeat, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static void Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", command])) ?? throw new
            InvalidOperationException("sh did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}");
        }
    }

    private static void BareWalk(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry(copyData: false) is not null)
        {
        }
    }

    private static void Analyse(BlobFacts blob, int parallel)
    {
        var threads = Enumerable.Range(0, parallel).Select(_ => new Thread(() => AnalyseOnce(blob))).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
    }

    private static ImageAnalysis AnalyseOnce(BlobFacts blob)
    {
        var reader = new LayerStreamReader(Options.Create(new LayerReaderOptions()), TimeProvider.System);
        using var file = new FileStream(blob.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var index = reader.Read(file, blob.Digest, blob.CompressedBytes, MediaTypes.OciLayerGzip, default);
        return ImageAnalyzer.Analyze([index]);
    }

    /// <summary>Peak resident memory of a fresh process that only analyses, so generation does not count.</summary>
    private static long PeakMemory(string path, int parallel)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LayersBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "layers", "--analyse-only", path, parallel.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("No child process.");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return long.Parse(text.Trim());
    }

    private static int AnalyseOnly(string path, int parallel, TextWriter output)
    {
        Analyse(new BlobFacts(path), parallel);
        var peak = File.ReadLines("/proc/self/status")
            .First(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        output.WriteLine(long.Parse(peak.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024);
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";
}
