using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>The built executable's <c>rank</c> command over pushed and scanned images.</summary>
public sealed partial class RankCommandTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string SelectItemsSql = """
        SELECT repository AS Repository, tag AS Tag, manifest_digest AS Digest
        FROM ranked_items
        WHERE ranking_run_id = @runId
        ORDER BY repository, tag
        """;

    [Fact]
    public async Task Rank_TagRequested_RanksTheNewestTagsPlusTheNamedOnes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (api, tools, signature) = await PushAndScanAsync("rankcmd", cancellationToken);
        var older = api[0];
        var environment = Environment();

        var result = await ProductProcess.RunAsync(
            ["rank", "--registry", "rankcmd", "--tag", $"{older.Repository}:{older.Tag}", "--tag",
                $"{tools[1].Repository}:{tools[1].Tag}", $"--tag={signature.Repository}:{signature.Tag}"],
            environment, cancellationToken);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}, stderr: {result.StandardError}");
        var runId = long.Parse(RunLine().Match(result.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Contains($"{older.Repository}:{older.Tag}  ", result.StandardOutput, StringComparison.Ordinal);

        // The signature is no image, so it is not among the top items; it is printed after them, with rank 0.
        var lines = result.StandardOutput.Split('\n');
        var requested = Array.IndexOf(lines, "Requested tags:");
        Assert.True(requested > 0, result.StandardOutput);
        Assert.StartsWith("  0. ", lines[requested + 1], StringComparison.Ordinal);
        Assert.Contains($"] {signature.Repository}:{signature.Tag}  ", lines[requested + 1], StringComparison.Ordinal);

        // The newest build of each repository (created last), plus the older api tag and the signature named on
        // request; the tools tag named on request is its repository's newest, so it appears once.
        var expected = new[] { api[1], older, tools[1], signature }
            .Select(image => (image.Repository, image.Tag!, image.Digest))
            .OrderBy(item => item.Repository, StringComparer.Ordinal)
            .ThenBy(item => item.Item2, StringComparer.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QueryAsync<(string Repository, string Tag, string Digest)>(
            new CommandDefinition(SelectItemsSql, new { runId }, cancellationToken: cancellationToken));
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task Rank_UnknownTagOrRepository_ExitsWithTwoAndOneLineNamingIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (api, _, _) = await PushAndScanAsync("rankunknown", cancellationToken);
        var repository = api[0].Repository;
        var environment = Environment();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        const string CountRunsSql = "SELECT count(*) FROM ranking_runs";
        var runsBefore = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountRunsSql, cancellationToken: cancellationToken));

        var unknownTag = await ProductProcess.RunAsync(
            ["rank", "--registry", "rankunknown", "--tag", repository + ":no-such-tag"], environment,
            cancellationToken);
        var unknownRepository = await ProductProcess.RunAsync(
            ["rank", "--tag", repository + "-gone:v1"], environment, cancellationToken);
        var otherRegistry = await ProductProcess.RunAsync(
            ["rank", "--registry", "elsewhere", "--tag", $"{repository}:{api[0].Tag}"], environment,
            cancellationToken);
        var malformed = await ProductProcess.RunAsync(
            ["rank", "--tag", repository], environment, cancellationToken);

        Assert.Equal(2, unknownTag.ExitCode);
        Assert.Equal(
            [$"--tag {repository}:no-such-tag: repository '{repository}' has no tag 'no-such-tag'."],
            unknownTag.ErrorLines);
        Assert.Equal(2, unknownRepository.ExitCode);
        Assert.Equal(
            [$"--tag {repository}-gone:v1: no scanned repository is named '{repository}-gone'."],
            unknownRepository.ErrorLines);
        Assert.Equal(2, otherRegistry.ExitCode);
        Assert.Equal(
            [$"--tag {repository}:{api[0].Tag}: no scanned repository is named '{repository}'."],
            otherRegistry.ErrorLines);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Equal([$"--tag: '{repository}' is not in the form REPOSITORY:TAG."], malformed.ErrorLines);
        var runsAfter = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountRunsSql, cancellationToken: cancellationToken));
        Assert.Equal(runsBefore, runsAfter);
    }

    [GeneratedRegex("^Ranking run ([0-9]+):", RegexOptions.Multiline)]
    private static partial Regex RunLine();

    private Dictionary<string, string?> Environment() => new()
    {
        ["ConnectionStrings__Postgres"] = database.ConnectionString,
    };

    /// <summary>
    /// Two repositories with two builds each, the older build pushed under a name that sorts after the newer one,
    /// and a cosign signature of the newer api build, scanned into the test database. Each list holds the older
    /// build first.
    /// </summary>
    private async Task<(PushedImage[] Api, PushedImage[] Tools, PushedImage Signature)> PushAndScanAsync(
        string registryName, CancellationToken cancellationToken)
    {
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var prefix = TestImageBuilder.UniqueRepository(registryName);
        var now = TimeProvider.System.GetUtcNow();
        PushedImage[] api =
        [
            await PushAsync(builder, prefix + "/api", "v2-old", now.AddDays(-40), 1, cancellationToken),
            await PushAsync(builder, prefix + "/api", "v1-new", now.AddDays(-2), 2, cancellationToken),
        ];
        PushedImage[] tools =
        [
            await PushAsync(builder, prefix + "/tools", "b-old", now.AddDays(-30), 3, cancellationToken),
            await PushAsync(builder, prefix + "/tools", "a-new", now.AddDays(-1), 4, cancellationToken),
        ];
        var signature = await builder.Cosign.SignAsync(api[1], cancellationToken);
        await using var scanner = new ScannerHost(database.DataSource);
        await scanner.ScanAsync(ScannerHost.Registry(registryName, registryUrl, prefix + "/*"), cancellationToken);
        return (api, tools, signature);
    }

    private static Task<PushedImage> PushAsync(TestImageBuilder builder, string repository, string tag,
        DateTimeOffset created, int seed, CancellationToken cancellationToken) =>
        builder.Image(repository)
            .Layer(l => l.FileOfSize($"/app/build-{seed}.bin", 20_000 + seed, seed: seed))
            .Config(c => c.User("1000").Created(created).History($"COPY build-{seed}.bin /app/ # buildkit"))
            .PushAsync(tag, cancellationToken);
}
