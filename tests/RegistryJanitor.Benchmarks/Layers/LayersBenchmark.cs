using System.Diagnostics;
using System.Globalization;
using System.Formats.Tar;
using System.IO.Compression;
using RegistryJanitor.Analysis;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Layers;

namespace RegistryJanitor.Benchmarks.Layers;

/// <summary>
/// Layer analysis throughput against <c>gzip -dc</c>, <c>tar -tzvf</c> and a bare GZipStream + TarReader walk
/// of the same blob; two different layers read at once against the same two one at a time; peak memory of a
/// separate analysing process.
/// </summary>
/// <remarks>
/// Every analysis goes through the product's <see cref="ParallelLayerReader"/> (the path an analysis run takes,
/// a blob file standing in for the registry response) followed by the per-layer categories and the image
/// analysis. Options: <c>--size-mb N</c> (uncompressed content per layer, default 600), <c>--repeat N</c>
/// (default 3).
/// </remarks>
internal static class LayersBenchmark
{
    private static readonly ParallelLayerReader Reader = new(new LayerStreamReader(
        Microsoft.Extensions.Options.Options.Create(new LayerReaderOptions()), TimeProvider.System));

    public static int Run(string[] args, TextWriter output)
    {
        if (args is ["--analyse-only", var count, .. var paths])
        {
            return AnalyseOnly(paths, int.Parse(count, CultureInfo.InvariantCulture), output);
        }

        var sizeMb = Option(args, "--size-mb", 600);
        var repeat = Option(args, "--repeat", 3);
        var blobs = new[] { Blob(sizeMb, 0, output), Blob(sizeMb, 1, output) };
        var blob = blobs[0];
        var path = blob.Path;
        output.WriteLine($"blobs: {blob.CompressedBytes / 1e6:F1} + {blobs[1].CompressedBytes / 1e6:F1} MB "
            + $"compressed, {blob.TarBytes / 1e6:F1} + {blobs[1].TarBytes / 1e6:F1} MB tar, {blob.Entries} + "
            + $"{blobs[1].Entries} entries; {Environment.ProcessorCount} processors; load average before: "
            + $"{LoadAverage()}; best of {repeat}");

        // Untimed analyses first, so the timed runs measure optimised code as a long-running service has it.
        Analyse(blobs, parallel: 1);
        Analyse(blobs, parallel: 2);
        var gzip = Best(repeat, () => Shell($"gzip -dc '{path}' > /dev/null"));
        var tarList = Best(repeat, () => Shell($"tar -tzvf '{path}' > /dev/null"));
        var bare = Best(repeat, Measure(() => BareWalk(path)));
        var one = Best(repeat, Measure(() => Analyse([blob], parallel: 1)));

        // One at a time and both at once alternate round by round, so a change in load hits both alike.
        var serialRounds = new List<Timing>();
        var parallelRounds = new List<Timing>();
        for (var round = 0; round < repeat; round++)
        {
            serialRounds.Add(Measure(() => Analyse(blobs, parallel: 1))());
            parallelRounds.Add(Measure(() => Analyse(blobs, parallel: 2))());
        }

        var serial = serialRounds.Aggregate(Timing.Best);
        var parallel = parallelRounds.Aggregate(Timing.Best);
        var peakOne = PeakMemory([path], 1);
        var peakTwo = PeakMemory([.. blobs.Select(b => b.Path)], 2);

        var twoLayerBytes = blobs.Sum(b => b.TarBytes);
        double Rate(TimeSpan time, long bytes) => bytes / 1e6 / time.TotalSeconds;
        output.WriteLine();
        output.WriteLine("| Measurement | Wall s | CPU s | MB/s by wall | MB/s by CPU | vs `gzip -dc` (wall) "
            + "| vs `gzip -dc` (CPU) |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        void Row(string name, Timing timing, long bytes) => output.WriteLine(
            $"| {name} | {timing.Wall.TotalSeconds:F2} | {timing.Cpu.TotalSeconds:F2} "
            + $"| {Rate(timing.Wall, bytes):F0} | {Rate(timing.Cpu, bytes):F0} "
            + $"| {Rate(timing.Wall, bytes) / Rate(gzip.Wall, blob.TarBytes):F2}x "
            + $"| {Rate(timing.Cpu, bytes) / Rate(gzip.Cpu, blob.TarBytes):F2}x |");
        Row("`gzip -dc file > /dev/null`", gzip, blob.TarBytes);
        Row("`tar -tzvf file > /dev/null`", tarList, blob.TarBytes);
        Row("bare GZipStream + TarReader walk", bare, blob.TarBytes);
        Row("analysis, one layer", one, blob.TarBytes);
        Row("analysis, two layers one at a time", serial, twoLayerBytes);
        Row("analysis, two layers at once", parallel, twoLayerBytes);
        output.WriteLine();
        var ratios = serialRounds.Zip(parallelRounds, (s, p) => s.Wall / p.Wall).ToList();
        var median = ratios.Order().ElementAt(ratios.Count / 2);
        output.WriteLine($"analysis / bare walk (CPU): {Rate(one.Cpu, 1) / Rate(bare.Cpu, 1):F2}");
        output.WriteLine($"two layers at once vs one at a time (wall): median of rounds {median:F2}x, rounds "
            + $"{string.Join(", ", ratios.Select(r => $"{r:F2}x"))}, best of each {serial.Wall / parallel.Wall:F2}x; "
            + $"CPU at once / one at a time: {parallel.Cpu / serial.Cpu:F2}; cores the process got while both ran: "
            + $"{parallel.Cpu / parallel.Wall:F2} of {Environment.ProcessorCount}");
        output.WriteLine($"peak RSS analysing one layer: {peakOne / 1e6:F0} MB, two at once: {peakTwo / 1e6:F0} MB; "
            + $"load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>The benchmark blob number <paramref name="number"/>, written to the temp folder once.</summary>
    private static BlobFacts Blob(int sizeMb, int number, TextWriter output)
    {
        var suffix = number == 0 ? string.Empty : $"-{number + 1}";
        var path = Path.Combine(Path.GetTempPath(), $"registryjanitor-bench-layer-{sizeMb}mb{suffix}.tar.gz");
        if (!File.Exists(path))
        {
            output.WriteLine($"writing {path} ...");
            BenchmarkLayerGenerator.Write(
                path + ".partial", (long)sizeMb << 20, BenchmarkLayerGenerator.FirstSeed + number);
            File.Move(path + ".partial", path, overwrite: true);
        }

        return new BlobFacts(path);
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

    private static Func<Timing> Measure(Action action) => () =>
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed;
        process.Refresh();
        return new Timing(wall, process.TotalProcessorTime - cpu);
    };

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

    /// <summary>
    /// Reads <paramref name="blobs"/> through the product's parallel reader, at most <paramref name="parallel"/>
    /// at once, and analyses each layer as the run does (categories) and as an image of its own.
    /// </summary>
    private static void Analyse(IReadOnlyList<BlobFacts> blobs, int parallel)
    {
        Reader.ReadAllAsync(
            blobs,
            blob => new LayerSource(blob.Digest, blob.CompressedBytes, MediaTypes.OciLayerGzip, _ =>
                Task.FromResult<Stream>(new FileStream(blob.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))),
            parallel,
            (blob, outcome, token) =>
            {
                var index = outcome.Index ?? throw new InvalidOperationException(
                    $"{blob.Path} was not read: {outcome.Rejection?.Message ?? outcome.Failure?.Message}");
                _ = LayerCategories.Of(index);
                _ = ImageAnalyzer.Analyze([index]);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Peak resident memory of a fresh process that only analyses, so generation does not count.</summary>
    private static long PeakMemory(IReadOnlyList<string> paths, int parallel)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LayersBenchmark).Assembly.Location);
        }

        string[] arguments = ["layers", "--analyse-only", parallel.ToString(CultureInfo.InvariantCulture), .. paths];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("No child process.");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return long.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }

    private static int AnalyseOnly(IReadOnlyList<string> paths, int parallel, TextWriter output)
    {
        Analyse([.. paths.Select(path => new BlobFacts(path))], parallel);
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
