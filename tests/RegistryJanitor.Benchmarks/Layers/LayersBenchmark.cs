using System.Diagnostics;
using System.Globalization;
using System.Formats.Tar;
using System.IO.Compression;
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

        // Untimed analyses first, so the timed runs measure optimised code as a long-running service has it.
        AnalyseOnce(blob);
        AnalyseOnce(blob);
        var gzip = Best(repeat, () => Shell($"gzip -dc '{path}' > /dev/null"));
        var tarList = Best(repeat, () => Shell($"tar -tzvf '{path}' > /dev/null"));
        var bare = Best(repeat, () => BareWalk(path));
        var one = Best(repeat, () => Analyse(blob, parallel: 1));
        var two = Best(repeat, () => Analyse(blob, parallel: 2));
        var peakOne = PeakMemory(path, 1);
        var peakTwo = PeakMemory(path, 2);

        double Rate(TimeSpan time, int layers = 1) => layers * blob.TarBytes / 1e6 / time.TotalSeconds;
        output.WriteLine();
        output.WriteLine("| Measurement | Wall s | CPU s | MB/s by wall | MB/s by CPU | vs `gzip -dc` (wall) "
            + "| vs `gzip -dc` (CPU) |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        void Row(string name, Timing timing, int layers = 1) => output.WriteLine(
            $"| {name} | {timing.Wall.TotalSeconds:F2} | {timing.Cpu.TotalSeconds:F2} "
            + $"| {Rate(timing.Wall, layers):F0} | {Rate(timing.Cpu, layers):F0} "
            + $"| {Rate(timing.Wall, layers) / Rate(gzip.Wall):F2}x "
            + $"| {Rate(timing.Cpu, layers) / Rate(gzip.Cpu):F2}x |");
        Row("`gzip -dc file > /dev/null`", gzip);
        Row("`tar -tzvf file > /dev/null`", tarList);
        Row("bare GZipStream + TarReader walk", bare);
        Row("analysis, one layer, one thread", one);
        Row("analysis, two layers on two threads", two, 2);
        output.WriteLine();
        output.WriteLine($"analysis / bare walk (CPU): {Rate(one.Cpu) / Rate(bare.Cpu):F2}; "
            + $"two layers vs one (wall): {Rate(two.Wall, 2) / Rate(one.Wall):F2}x; "
            + $"peak RSS analysing one layer: {peakOne / 1e6:F0} MB, two in parallel: {peakTwo / 1e6:F0} MB; "
            + $"load average after: {LoadAverage()}");
        return 0;
    }

    private static Timing Best(int repeat, Func<Timing> run)
    {
        var best = run();
        for (var i = 1; i < repeat; i++)
        {
            best = Timing.Best(best, run());
        }

        return best;
    }

    private static Timing Best(int repeat, Action action) => Best(repeat, () =>
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed;
        process.Refresh();
        return new Timing(wall, process.TotalProcessorTime - cpu);
    });

    /// <summary>Runs a shell command; its CPU time comes from the shell's <c>times</c> builtin (children).</summary>
    private static Timing Shell(string command)
    {
        var start = new ProcessStartInfo("sh", ["-c", command + "; times"]) { RedirectStandardOutput = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sh did not start");
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        var wall = watch.Elapsed;
        if (process.ExitCode != 0 || lines.Length < 2)
        {
            throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}");
        }

        var children = lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Timing(wall, ShellTime(children[0]) + ShellTime(children[1]));
    }

    /// <summary>Parses the <c>times</c> format <c>0m1.234s</c>.</summary>
    private static TimeSpan ShellTime(string text)
    {
        var minutes = text.IndexOf('m', StringComparison.Ordinal);
        return TimeSpan.FromMinutes(int.Parse(text[..minutes]))
            + TimeSpan.FromSeconds(double.Parse(text[(minutes + 1)..^1], CultureInfo.InvariantCulture));
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
        var reader = new LayerStreamReader(
            Microsoft.Extensions.Options.Options.Create(new LayerReaderOptions()), TimeProvider.System);
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
