using System.Diagnostics;
using System.Globalization;
using RegistryJanitor.Benchmarks.Scan;

namespace RegistryJanitor.Benchmarks.Replicas;

/// <summary>
/// <c>replicas</c>: seeds REPOSITORIES × TAGS small images into the registry of REGISTRYJANITOR_TEST_REGISTRY, puts a
/// proxy that holds every request DELAY_MS in front of it, and times the first shared scheduled scan with one, two
/// and three <c>run</c> processes (a fresh database each); prints throughput and speed-up as a Markdown table.
/// </summary>
internal static class ReplicaBenchmark
{
    private static readonly int[] ReplicaCounts = [1, 2, 3];

    public static int Run(string[] args, TextWriter output) => RunAsync(args, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var settings = ReplicaBenchmarkSettings.Parse(args);
        var registryUrl = new Uri(Required("REGISTRYJANITOR_TEST_REGISTRY"));
        var postgres = Required("REGISTRYJANITOR_TEST_POSTGRES");
        var cancellationToken = CancellationToken.None;
        var prefix = "replicas-" + Guid.NewGuid().ToString("N")[..8];

        using (var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = registryUrl,
        })
        {
            var seedWatch = Stopwatch.StartNew();
            var urls = await new BenchmarkSeeder(http).SeedAsync(
                prefix, settings.Repositories, settings.Tags, 32, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seeded {urls.Count} tags in {settings.Repositories} repositories in "
                + $"{seedWatch.Elapsed.TotalSeconds:F1} s"));
        }

        await using var proxy = await DelayingProxy.StartAsync(registryUrl, settings.Delay, cancellationToken);
        var run = new ReplicaRun(postgres, proxy, prefix, settings);
        var results = new List<ReplicaRunResult>();
        foreach (var count in ReplicaCounts)
        {
            var result = await run.MeasureAsync(count, cancellationToken);
            results.Add(result);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{count} replica(s): {result.Status}, {result.RepositoriesScanned} repositories in "
                + $"{result.Elapsed.TotalSeconds:F1} s, {result.ReplicasThatScanned} took work items"));
        }

        await output.WriteLineAsync(ReplicaBenchmarkReport.ToMarkdown(settings, results));
        var complete = results.All(r => r.Status == "succeeded" && r.RepositoriesScanned == settings.Repositories);
        return complete ? 0 : 1;
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set; run deploy/benchmark.sh replicas");
}
