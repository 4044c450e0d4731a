using System.Globalization;

namespace RegistryJanitor.Benchmarks.Replicas;

/// <summary>
/// Arguments of the <c>replicas</c> benchmark: <c>[REPOSITORIES [TAGS [DELAY_MS [STARTUP_SECONDS]]]]</c>.
/// </summary>
/// <param name="Repositories">Repositories seeded. Default 180.</param>
/// <param name="Tags">Tags per repository. Default 4.</param>
/// <param name="Delay">Time the proxy holds every request. Default 100 ms.</param>
/// <param name="Startup">
/// Time from starting the replicas to the scheduled scan: every replica must be ready by then. Default 30 s.
/// </param>
internal sealed record ReplicaBenchmarkSettings(int Repositories, int Tags, TimeSpan Delay, TimeSpan Startup)
{
    /// <summary>Repositories per work item, as <c>Replicas:BatchSize</c>.</summary>
    public const int BatchSize = 5;

    /// <summary>Concurrent requests one replica sends, as the registry's <c>MaxConcurrency</c>.</summary>
    public const int MaxConcurrency = 4;

    public static ReplicaBenchmarkSettings Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new ReplicaBenchmarkSettings(
            Argument(args, 0, 180),
            Argument(args, 1, 4),
            TimeSpan.FromMilliseconds(Argument(args, 2, 100)),
            TimeSpan.FromSeconds(Argument(args, 3, 30)));
    }

    private static int Argument(string[] args, int index, int fallback)
    {
        if (args.Length <= index)
        {
            return fallback;
        }

        return int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException(
                $"argument {index + 1} must be a positive whole number, not '{args[index]}'; usage: "
                + "replicas [REPOSITORIES [TAGS [DELAY_MS [STARTUP_SECONDS]]]]");
    }
}
