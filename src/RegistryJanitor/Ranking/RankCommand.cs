using System.Globalization;
using RegistryJanitor.Commands;

namespace RegistryJanitor.Ranking;

/// <summary>
/// <c>rank [--registry NAME] [--all-tags] [--month YYYY-MM]</c>: ranks images by savings, stores the run and
/// prints the top items. Exit 0 on success, 2 for a malformed month, 1 when the run fails.
/// </summary>
public sealed class RankCommand : ICommand
{
    private const int TopItems = 10;

    private readonly RankingService service;
    private readonly ILogger<RankCommand> logger;

    public RankCommand(RankingService service, ILogger<RankCommand> logger)
    {
        this.service = service;
        this.logger = logger;
    }

    public string Name => "rank";

    public string Summary => "rank images by savings potential with findings and Dockerfile fixes, and store the run";

    public string Usage => "[--registry NAME] [--all-tags] [--month YYYY-MM]";

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = context.Arguments;
        var monthText = Value(arguments, "--month");
        DateOnly? month = null;
        if (monthText is not null)
        {
            if (!DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var parsed))
            {
                await context.Error.WriteLineAsync($"--month: '{monthText}' is not a month in the form YYYY-MM.");
                return ExitCodes.ConfigurationError;
            }

            month = parsed;
        }

        RankingRunResult result;
        try
        {
            result = await service.RunAsync(
                Value(arguments, "--registry"), arguments.Contains("--all-tags"), month, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.RankingFailed(exception);
            await context.Error.WriteLineAsync($"Ranking failed: {exception.Message}");
            return ExitCodes.Failure;
        }

        var ranked = result.Images.Where(image => image.Rank > 0).ToList();
        await context.Output.WriteLineAsync(
            $"Ranking run {result.RunId}: {ranked.Count} images ranked, "
            + $"{result.Images.Count - ranked.Count} not images.");
        foreach (var image in ranked.Take(TopItems))
        {
            var present = image.Findings.Count(finding => finding.Status == Core.Ranking.FindingStatus.Present);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{image.Rank,3}. {image.Savings.MoneyPerMonth,12:0.00####} {result.Currency}/month  "
                + $"{image.Savings.RemovableBytes / 1e6,8:0.0} MB removable per pull  "
                + $"[{image.Evidence.Registry}] {image.Evidence.Repository}:{image.Evidence.Tag}  "
                + $"{image.Classification.Row}  {present} finding{(present == 1 ? "" : "s")}"));
        }

        return ExitCodes.Success;
    }

    private static string? Value(IReadOnlyList<string> arguments, string name)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == name && i + 1 < arguments.Count)
            {
                return arguments[i + 1];
            }

            if (arguments[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return arguments[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
