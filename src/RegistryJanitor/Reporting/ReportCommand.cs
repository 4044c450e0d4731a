using Microsoft.Extensions.Options;
using RegistryJanitor.Commands;
using RegistryJanitor.Reports;
using RegistryJanitor.Storage.Reports;

namespace RegistryJanitor.Reporting;

/// <summary>
/// <c>report [--month YYYY-MM] [--out DIR]</c>: writes both workbooks of a month from PostgreSQL and prints the
/// files. Without <c>--month</c> the current month (to date); without <c>--out</c> Reports:OutputDirectory.
/// Exit code 2 on a malformed or future month.
/// </summary>
public sealed class ReportCommand : ICommand
{
    private readonly MonthlyReportGenerator generator;
    private readonly IOptions<ReportOptions> options;
    private readonly TimeProvider timeProvider;

    public ReportCommand(MonthlyReportGenerator generator, IOptions<ReportOptions> options,
        TimeProvider timeProvider)
    {
        this.generator = generator;
        this.options = options;
        this.timeProvider = timeProvider;
    }

    public string Name => "report";

    public string Summary => "write the monthly cost and optimization workbooks from PostgreSQL and exit";

    public string Usage => "[--month YYYY-MM] [--out DIR]";

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? monthText = null;
        var outputDirectory = options.Value.OutputDirectory;
        var args = context.Arguments;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--month" or "--out" && i + 1 < args.Count)
            {
                if (args[i] == "--month")
                {
                    monthText = args[i + 1];
                }
                else
                {
                    outputDirectory = args[i + 1];
                }

                i++;
                continue;
            }

            await context.Error.WriteLineAsync($"report: unexpected argument '{args[i]}'; usage: report {Usage}");
            return ExitCodes.ConfigurationError;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var month = monthText is null ? new DateOnly(today.Year, today.Month, 1) : ReportPeriod.ParseMonth(monthText);
        if (month is null || month > today)
        {
            await context.Error.WriteLineAsync(
                $"report: --month must be a started month as YYYY-MM, not '{monthText}'.");
            return ExitCodes.ConfigurationError;
        }

        var outcome = await generator.GenerateAsync(month.Value, outputDirectory, "command", cancellationToken);
        var scope = outcome.Period.MonthToDate ? " (month to date)" : string.Empty;
        await context.Output.WriteLineAsync($"Report {outcome.Period.Month:yyyy-MM}{scope}, run {outcome.RunId}:");
        foreach (var file in outcome.Result.Files)
        {
            var rows = string.Join(", ", file.RowCounts.Select(count => $"{count.Key} {count.Value}"));
            await context.Output.WriteLineAsync($"  {file.Path} ({file.SizeBytes} bytes, sha256 {file.Sha256})");
            await context.Output.WriteLineAsync($"    rows: {rows}");
        }

        return ExitCodes.Success;
    }
}
