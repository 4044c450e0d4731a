using System.Globalization;
using RegistryJanitor.Commands;

namespace RegistryJanitor.Costs;

/// <summary>
/// <c>costs [--registry NAME]</c>: computes today's cost snapshot and the month's roll-up now, as the daily job does,
/// and prints one line per registry. Exit 0 on success, 2 for an unknown registry, 1 when the computation fails.
/// </summary>
internal sealed class CostsCommand : ICommand
{
    private readonly DailyCostRunner runner;

    public CostsCommand(DailyCostRunner runner)
    {
        this.runner = runner;
    }

    public string Name => "costs";

    public string Summary => "compute today's sharing, dead weight and cost snapshot of the scanned registries now";

    public string Usage => "[--registry NAME]";

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = context.Arguments;
        string? registry = null;
        if (arguments.Count == 2 && arguments[0] == "--registry")
        {
            registry = arguments[1];
        }
        else if (arguments.Count > 0)
        {
            await context.Error.WriteLineAsync(
                $"usage error: costs takes [--registry NAME], not '{string.Join(' ', arguments)}'");
            return ExitCodes.ConfigurationError;
        }

        IReadOnlyList<Storage.Costs.DailyCostResult> results;
        try
        {
            results = await runner.RunAsync(registry, cancellationToken);
        }
        catch (ArgumentException exception)
        {
            await context.Error.WriteLineAsync($"costs: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }

        foreach (var result in results)
        {
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Registry} on {result.Day:yyyy-MM-dd}: {result.Repositories} repositories, "
                + $"{result.Tags} tags, {result.Manifests} manifests, {result.LogicalBytes:N0} logical bytes, "
                + $"{result.StoredBytes:N0} stored bytes, storage {result.MonthlyStorageCost.Total:0.00##} "
                + $"{runner.Currency}/month"));
        }

        if (results.Count == 0)
        {
            await context.Output.WriteLineAsync("No scanned registry yet: run scan first.");
        }

        return ExitCodes.Success;
    }
}
