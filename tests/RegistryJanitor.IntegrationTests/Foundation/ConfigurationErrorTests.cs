using RegistryJanitor.IntegrationTests.Support.Host;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

public sealed class ConfigurationErrorTests
{
    // Parseable but never contacted: validation runs before any command touches the database.
    private const string UnusedConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing";

    public static TheoryData<string, string[], string> InvalidSettings => new()
    {
        {
            "missing connection string",
            ["ConnectionStrings__Postgres="],
            "configuration error: ConnectionStrings:Postgres: is required"
        },
        {
            "registry without URL",
            ["Registries__0__Name=main"],
            "configuration error: Registries:0:Url: is required"
        },
        {
            "registry URL not http",
            ["Registries__0__Name=main", "Registries__0__Url=ftp://registry.example"],
            "configuration error: Registries:0:Url: must be an absolute http or https URL"
        },
        {
            "invalid cron",
            ["Registries__0__Name=main", "Registries__0__Url=http://127.0.0.1:5000", "Registries__0__Schedule=daily"],
            "configuration error: Registries:0:Schedule: 'daily' is not a valid Quartz cron expression"
        },
        {
            "number that is not a number",
            ["Registries__0__Name=main", "Registries__0__Url=http://127.0.0.1:5000", "Registries__0__MaxConcurrency=x"],
            "configuration error: Registries:0:MaxConcurrency: is not a valid whole number"
        },
        {
            "duplicate registry names",
            [
                "Registries__0__Name=main", "Registries__0__Url=http://127.0.0.1:5000",
                "Registries__1__Name=MAIN", "Registries__1__Url=http://127.0.0.1:5001",
            ],
            "configuration error: Registries:1:Name: 'MAIN' is already the name of Registries:0"
        },
        {
            "password file missing",
            [
                "Registries__0__Name=main", "Registries__0__Url=http://127.0.0.1:5000",
                "Registries__0__PasswordFile=/nonexistent/registry-password",
            ],
            "configuration error: Registries:0:PasswordFile: file not found: /nonexistent/registry-password"
        },
        {
            "grace period out of range",
            ["Service__ShutdownGracePeriod=02:00:00"],
            "configuration error: Service:ShutdownGracePeriod: must be between 00:00:00 and 01:00:00"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Migrate_InvalidSetting_PrintsOneLineNamingTheSettingAndExitsTwo(
        string scenario, string[] settings, string expectedLine)
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = UnusedConnectionString };
        foreach (var setting in settings)
        {
            var separator = setting.IndexOf('=', StringComparison.Ordinal);
            environment[setting[..separator]] = setting[(separator + 1)..];
        }

        var result = await ProductProcess.RunAsync(["migrate"], environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 2, $"{scenario}: exit code {result.ExitCode}, stderr: {result.StandardError}");
        Assert.Equal([expectedLine], result.ErrorLines);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task Run_UnknownCommand_PrintsUsageAndExitsTwo()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = UnusedConnectionString };

        var result = await ProductProcess.RunAsync(["scna"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("unknown command: scna", result.ErrorLines[0]);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("migrate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_UnexpectedArgument_IsAUsageErrorWithExitTwo()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = UnusedConnectionString };

        var result = await ProductProcess.RunAsync(
            ["migrate", "--dry-run"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["usage error: migrate takes no arguments (--dry-run)"], result.ErrorLines);
    }

    [Fact]
    public async Task Help_NoConnectionStringConfigured_ListsEveryCommandAndExitsZero()
    {
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = string.Empty };

        var result = await ProductProcess.RunAsync(["--help"], environment, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}, stderr: {result.StandardError}");
        var listed = result.StandardOutput.Split('\n').Select(line => line.Trim().Split(' ')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "run", "migrate", "scan", "analyze", "rank", "report" }, listed);
    }
}
