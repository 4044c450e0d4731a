using RegistryJanitor.Commands;
using RegistryJanitor.Core.Configuration;

namespace RegistryJanitor.Scanning;

/// <summary>
/// <c>scan [--registry NAME]</c>: scans one configured registry, or all of them one after another, printing
/// progress lines and a summary. Exit code 0 when every run succeeded or was partial, 1 when one failed,
/// 2 when the named registry is not configured (one <c>usage error:</c> line on stderr).
/// </summary>
public sealed class ScanCommand : ICommand
{
    private readonly RegistryScanner scanner;
    private readonly ScanRegistries registries;

    public ScanCommand(RegistryScanner scanner, ScanRegistries registries)
    {
        this.scanner = scanner;
        this.registries = registries;
    }

    public string Name => "scan";

    public string Summary => "scan the configured registries now (or one of them) and exit";

    public string Usage => "[--registry NAME]";

    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(
            CommandOptions.Value(context.Arguments, "--registry"), context.Output, context.Error, cancellationToken);
    }

    /// <summary>Runs the scans; progress and summaries go to <paramref name="output"/>, a usage error to
    /// <paramref name="error"/>.</summary>
    public async Task<int> RunAsync(
        string? registryName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<RegistryOptions> selected;
        if (registryName is null)
        {
            selected = registries.All;
        }
        else if (registries.Find(registryName) is { } registry)
        {
            selected = [registry];
        }
        else
        {
            await error.WriteLineAsync(
                $"usage error: --registry {registryName}: no registry with this name is configured (Registries)");
            return ExitCodes.ConfigurationError;
        }

        if (selected.Count == 0)
        {
            await output.WriteLineAsync("No registries are configured (Registries).");
            return ExitCodes.Success;
        }

        var exitCode = ExitCodes.Success;
        foreach (var registry in selected)
        {
            var summary = await scanner.ScanAsync(
                registry, progress => output.WriteLine(progress.ToString()), cancellationToken);
            await output.WriteLineAsync(Format(summary));
            if (summary.Status == ScanStatus.Failed)
            {
                exitCode = ExitCodes.Failure;
            }
        }

        return exitCode;
    }

    /// <summary>The one-line summary printed at the end of a scan.</summary>
    public static string Format(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var c = summary.Counts;
        var line =
            $"{summary.Registry}: {summary.Status} in {summary.Elapsed.TotalSeconds:F1} s (run {summary.RunId}): "
            + $"{c.RepositoriesScanned}/{c.RepositoriesTotal} repositories ({c.RepositoriesFailed} failed"
            + (c.RepositoriesUnchanged > 0 ? $", {c.RepositoriesUnchanged} unchanged per the change feed), " : "), ")
            + $"{c.TagsSeen} tags, {c.ManifestsNew} new / {c.ManifestsKnown} known manifests, "
            + $"{c.BlobsNew} new blobs ({c.BytesNew} bytes), {c.Requests} requests, {summary.Errors} errors";
        return summary.Error is null ? line : line + Environment.NewLine + "error: " + summary.Error;
    }
}
