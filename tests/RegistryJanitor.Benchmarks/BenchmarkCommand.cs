namespace RegistryJanitor.Benchmarks;

/// <summary>Entry point that dispatches to the named benchmark.</summary>
internal static class BenchmarkCommand
{
    private static readonly Dictionary<string, Func<string[], TextWriter, int>> Benchmarks =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["scan"] = Scan.ScanBenchmark.Run,
            ["reports"] = ReportsBenchmark.Run,
            ["layers"] = Layers.LayersBenchmark.Run,
            ["rollup"] = RollupBenchmark.Run,
            ["reports-db"] = ReportsDatabaseBenchmark.Run,
            ["replicas"] = Replicas.ReplicaBenchmark.Run,
        };

    public static int Run(string[] args, TextWriter output)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var benchmark))
        {
            output.WriteLine("usage: deploy/benchmark.sh NAME [options]");
            output.WriteLine("benchmarks: " + (Benchmarks.Count == 0 ? "(none yet)" : string.Join(", ",
                Benchmarks.Keys)));
            return args.Length == 0 ? 0 : 2;
        }

        return benchmark(args[1..], output);
    }
}
