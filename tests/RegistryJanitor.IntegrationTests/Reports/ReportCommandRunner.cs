using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RegistryJanitor.Commands;
using RegistryJanitor.Reporting;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>
/// Runs the real <c>report --month YYYY-MM --out DIR</c> command in-process, wired by <c>AddReporting</c> over the
/// test's database and settings; returns its exit code.
/// </summary>
public static class ReportCommandRunner
{
    public static async Task<int> RunAsync(
        NpgsqlDataSource dataSource,
        Dictionary<string, string?> settings,
        DateOnly month,
        string outputPath,
        CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(dataSource);
        services.AddReporting(configuration);
        await using var provider = services.BuildServiceProvider();
        var command = provider.GetServices<ICommand>().OfType<ReportCommand>().Single();

        using var stdout = new StringWriter();
        var context = new CommandContext(null!, ["--month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            "--out", outputPath], stdout, stdout);
        return await command.ExecuteAsync(context, cancellationToken);
    }
}
