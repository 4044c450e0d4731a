using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

public sealed partial class MigrateCommandTests
{
    private const string HistorySql = """
        SELECT version FROM schema_history ORDER BY version
        """;

    [Fact]
    public async Task Migrate_TwoProcessesAtOnce_ApplyEachFileOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        var expectedVersions = Directory.GetFiles(RepositoryPaths.MigrationsDirectory, "V*__*.sql")
            .Select(path => int.Parse(Path.GetFileName(path)[1..].Split("__")[0], CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
        };

        var results = await Task.WhenAll(
            ProductProcess.RunAsync(["migrate"], environment, cancellationToken),
            ProductProcess.RunAsync(["migrate"], environment, cancellationToken));

        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.StandardError));
        var appliedCounts = results.Select(result => AppliedCount(result.StandardOutput)).ToList();
        Assert.Equal(expectedVersions.Count, appliedCounts.Sum());
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var versions = await connection.QueryAsync<int>(
            new CommandDefinition(HistorySql, cancellationToken: cancellationToken));
        Assert.Equal(expectedVersions, versions);
    }

    [Fact]
    public async Task Migrate_SecondRun_AppliesNothingAndExitsZero()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: true, cancellationToken);
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
        };

        var result = await ProductProcess.RunAsync(["migrate"], environment, cancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, AppliedCount(result.StandardOutput));
    }

    private static int AppliedCount(string output)
    {
        var match = AppliedLine().Match(output);
        Assert.True(match.Success, $"no summary line in: {output}");
        return int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("^applied (?<count>[0-9]+) migrations", RegexOptions.Multiline)]
    private static partial Regex AppliedLine();
}
