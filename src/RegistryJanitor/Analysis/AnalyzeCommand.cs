using System.Globalization;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.Analysis;

/// <summary>
/// <c>analyze [--registry NAME] [--max-bytes SIZE]</c>: analyses the layers of one registry, or of every registry
/// with analysis enabled, printing progress lines and a summary. Exit code 0 when every run succeeded or was
/// partial, 1 when one failed, 2 for an unknown registry or a malformed size (one <c>usage error:</c> line on stderr).
/// </summary>
public sealed class AnalyzeCommand : ICommand
{
    private readonly LayerAnalysisRunner runner;
    private readonly ScanRegistries registries;
    private readonly AnalysisRegistries settings;
    private readonly AnalysisOptions options;

    public AnalyzeCommand(
        LayerAnalysisRunner runner, ScanRegistries registries, AnalysisRegistries settings,
        Microsoft.Extensions.Options.IOptions<AnalysisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.runner = runner;
        this.registries = registries;
        this.settings = settings;
        this.options = options.Value;
    }

    public string Name => "analyze";

    public string Summary => "analyse the layers of the scanned registries now (or of one) and exit";

    public string Usage => "[--registry NAME] [--max-bytes SIZE]";

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var maxBytesText = CommandOptions.Value(context.Arguments, "--max-bytes");
        long? maxBytes = null;
        if (maxBytesText is not null)
        {
            try
            {
                maxBytes = ByteSize.Parse(maxBytesText, CultureInfo.InvariantCulture);
            }
            catch (FormatException exception)
            {
                await context.Error.WriteLineAsync("usage error: --max-bytes: " + exception.Message);
                return ExitCodes.ConfigurationError;
            }
        }

        return await RunAsync(
            CommandOptions.Value(context.Arguments, "--registry"), maxBytes, context.Output, context.Error,
            cancellationToken);
    }

    /// <summary>Runs the analysis; progress and summaries go to <paramref name="output"/>, a usage error to
    /// <paramref name="error"/>.</summary>
    public async Task<int> RunAsync(
        string? registryName, long? maxBytes, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<RegistryOptions> selected;
        if (registryName is null)
        {
            selected = [.. registries.All.Where(r => settings.For(r.Name).Enabled)];
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

        var exitCode = ExitCodes.Success;
        foreach (var registry in selected)
        {
            var registrySettings = settings.For(registry.Name);
            if (!registrySettings.Enabled)
            {
                await output.WriteLineAsync($"{registry.Name}: analysis is disabled (Analysis:Enabled is false).");
                continue;
            }

            var budget = maxBytes ?? registrySettings.MaxBytes ?? options.MaxBytes;
            var summary = await runner.RunAsync(
                registry, budget, progress => output.WriteLine(progress.ToString()), cancellationToken);
            await output.WriteLineAsync(summary.ToString());
            if (summary.Status == AnalysisSummary.Failed)
            {
                exitCode = ExitCodes.Failure;
            }
        }

        return exitCode;
    }
}
