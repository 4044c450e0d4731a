using System.Globalization;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.Storage.Ranking;

namespace RegistryJanitor.Ranking;

/// <summary>
/// <c>rank [--registry NAME] [--all-tags] [--tag REPOSITORY:TAG]... [--month YYYY-MM]</c>: ranks images by savings,
/// stores the run and prints the top items, then any requested tag outside them. Exit 0 on success, 2 for a
/// malformed month or tag or a tag the inventory does not hold, 1 when the run fails.
/// </summary>
public sealed class RankCommand : ICommand
{
    private const int TopItems = 10;

    private const string TagOption = "--tag";

    private readonly RankingService service;
    private readonly ILogger<RankCommand> logger;

    public RankCommand(RankingService service, ILogger<RankCommand> logger)
    {
        this.service = service;
        this.logger = logger;
    }

    public string Name => "rank";

    public string Summary => "rank images by savings potential with findings and Dockerfile fixes, and store the run";

    public string Usage => "[--registry NAME] [--all-tags] [--tag REPOSITORY:TAG]... [--month YYYY-MM]";

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arguments = context.Arguments;
        var monthText = CommandOptions.Value(arguments, "--month");
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

        var requested = new List<RequestedTag>();
        foreach (var text in CommandOptions.Values(arguments, TagOption))
        {
            if (!RequestedTag.TryParse(text, out var tag))
            {
                await context.Error.WriteLineAsync($"{TagOption}: '{text}' is not in the form REPOSITORY:TAG.");
                return ExitCodes.ConfigurationError;
            }

            requested.Add(tag);
        }

        var registry = CommandOptions.Value(arguments, "--registry");
        RankingRunResult result;
        try
        {
            var unknown = await service.FindUnknownTagsAsync(registry, requested, cancellationToken);
            if (unknown.Count > 0)
            {
                await context.Error.WriteLineAsync(string.Join("; ",
                    unknown.Select(tag => $"{TagOption} {tag.Requested}: {tag.Reason}")) + ".");
                return ExitCodes.ConfigurationError;
            }

            result = await service.RunAsync(
                registry, arguments.Contains("--all-tags"), requested, month, cancellationToken);
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
        var top = ranked.Take(TopItems).ToList();
        foreach (var image in top)
        {
            await context.Output.WriteLineAsync(Line(image, result.Currency));
        }

        // A requested tag may rank below the top items or be no image at all; it is printed either way.
        var others = result.Images.Where(image => !top.Contains(image) && requested.Any(tag =>
            tag.Repository == image.Evidence.Repository && tag.Tag == image.Evidence.Tag)).ToList();
        if (others.Count > 0)
        {
            await context.Output.WriteLineAsync("Requested tags:");
            foreach (var image in others)
            {
                await context.Output.WriteLineAsync(Line(image, result.Currency));
            }
        }

        return ExitCodes.Success;
    }

    private static string Line(RankedImage image, string currency)
    {
        var present = image.Findings.Count(finding => finding.Status == FindingStatus.Present);
        return string.Create(CultureInfo.InvariantCulture,
            $"{image.Rank,3}. {image.Savings.MoneyPerMonth,12:0.00####} {currency}/month  "
            + $"{image.Savings.RemovableBytes / 1e6,8:0.0} MB removable per pull  "
            + $"[{image.Evidence.Registry}] {image.Evidence.Repository}:{image.Evidence.Tag}  "
            + $"{RankingNames.Of(image.Classification.Row)}  {present} finding{(present == 1 ? "" : "s")}");
    }
}
