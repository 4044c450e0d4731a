using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>
/// <c>analyze [--registry NAME] [--max-bytes SIZE]</c> run as the built executable after a <c>scan</c>.
/// </summary>
public sealed partial class AnalyzeCommandTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const string RunsSql = """
        SELECT a.id AS Id, a.status AS Status, a.budget_bytes AS BudgetBytes, a.planned_bytes AS PlannedBytes,
            a.bytes_read AS BytesRead, a.layers_analysed AS LayersAnalysed, a.layers_rejected AS LayersRejected,
            a.layers_skipped AS LayersSkipped, a.images_analysed AS ImagesAnalysed, a.images_skipped AS ImagesSkipped
        FROM analysis_runs AS a
        JOIN registries AS g ON g.id = a.registry_id
        WHERE g.name = @registry
        ORDER BY a.id
        """;

    private const string SkippedImagesSql = """
        SELECT m.digest || ' ' || s.reason
        FROM analysis_run_skipped_images AS s
        JOIN manifests AS m ON m.id = s.manifest_id
        WHERE s.analysis_run_id = @runId
        """;

    private const string AnalysedLayersSql = """
        SELECT b.digest
        FROM layer_analyses AS la
        JOIN blobs AS b ON b.id = la.blob_id
        WHERE la.status = 'analysed' AND b.digest = ANY (@digests)
        """;

    private const string AnalysedImagesSql = """
        SELECT m.digest
        FROM image_analyses AS ia
        JOIN manifests AS m ON m.id = ia.manifest_id
        WHERE m.digest = ANY (@digests)
        """;

    [Fact]
    public async Task Analyze_MaxBytesBelowTheBiggerImage_SkipsItThenAFullRunAnalysesIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registry = "analyze-cmd-" + Guid.NewGuid().ToString("N")[..8];
        var repository = TestImageBuilder.UniqueRepository("analysis-command") + "/app";
        var seed = Random.Shared.Next(1, 1_000_000) * 8;
        using var builder = TestImageBuilder.For(TestRegistryEnvironment.RequireRegistry());
        var big = await builder.Image(repository)
            .Layer(l => l.FileOfSize("/srv/big-1.bin", 40_000, seed: seed + 1))
            .Layer(l => l.FileOfSize("/srv/big-2.bin", 30_000, seed: seed + 2))
            .PushAsync("big", cancellationToken);
        var small = await builder.Image(repository)
            .Layer(l => l.FileOfSize("/srv/small.bin", 10_000, seed: seed + 3))
            .PushAsync("small", cancellationToken);
        var smallBytes = small.Layers.Sum(layer => layer.Size);
        var bigBytes = big.Layers.Sum(layer => layer.Size);
        var environment = Environment(registry, repository);
        var scan = await ProductProcess.RunAsync(["scan", "--registry", registry], environment, cancellationToken);
        Assert.True(scan.ExitCode == 0, scan.StandardOutput + scan.StandardError);

        // The bigger image ranks first and its new layers exceed the budget; the smaller one fits it exactly.
        var budgeted = await ProductProcess.RunAsync(
            ["analyze", "--registry", registry, "--max-bytes", smallBytes.ToString(CultureInfo.InvariantCulture)],
            environment, cancellationToken);
        var full = await ProductProcess.RunAsync(["analyze", "--registry", registry], environment, cancellationToken);

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var runs = (await connection.QueryAsync<AnalysisRunFigures>(new CommandDefinition(
            RunsSql, new { registry }, cancellationToken: cancellationToken))).ToList();
        Assert.Equal(2, runs.Count);
        Assert.True(budgeted.ExitCode == 0, budgeted.StandardOutput + budgeted.StandardError);
        Assert.Equal(
            new AnalysisRunFigures(runs[0].Id, "partial", smallBytes, smallBytes, smallBytes, 1, 0, 0, 1, 1),
            runs[0]);
        Assert.Contains($"{registry}: 1/1 layers, {smallBytes} bytes read, 1 images analysed\n",
            budgeted.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(
            $"{registry}: analysis partial in S s (run {runs[0].Id}): 1 layers analysed, 0 rejected, 0 skipped, "
            + $"{smallBytes} of {smallBytes} budget bytes read ({smallBytes} planned), 1 images analysed, 1 skipped",
            SummaryLine(budgeted.StandardOutput));
        var skipped = await connection.QueryAsync<string>(new CommandDefinition(
            SkippedImagesSql, new { runId = runs[0].Id }, cancellationToken: cancellationToken));
        Assert.Equal([big.Digest + " budget"], skipped);

        Assert.True(full.ExitCode == 0, full.StandardOutput + full.StandardError);
        var defaultBudget = 20L << 30; // Analysis:MaxBytes as documented: 20 GiB.
        Assert.Equal(
            new AnalysisRunFigures(runs[1].Id, "succeeded", defaultBudget, bigBytes, bigBytes, 2, 0, 0, 1, 0),
            runs[1]);
        Assert.Contains($"{registry}: 2/2 layers, {bigBytes} bytes read, 1 images analysed\n",
            full.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(
            $"{registry}: analysis succeeded in S s (run {runs[1].Id}): 2 layers analysed, 0 rejected, 0 skipped, "
            + $"{bigBytes} of {defaultBudget} budget bytes read ({bigBytes} planned), 1 images analysed, 0 skipped",
            SummaryLine(full.StandardOutput));
        var allLayers = big.Layers.Concat(small.Layers).Select(layer => layer.Digest).ToArray();
        var analysedLayers = await connection.QueryAsync<string>(new CommandDefinition(
            AnalysedLayersSql, new { digests = allLayers }, cancellationToken: cancellationToken));
        Assert.Equal(allLayers.Order(StringComparer.Ordinal), analysedLayers.Order(StringComparer.Ordinal));
        var analysedImages = await connection.QueryAsync<string>(new CommandDefinition(
            AnalysedImagesSql, new { digests = new[] { big.Digest, small.Digest } },
            cancellationToken: cancellationToken));
        Assert.Equal(
            new[] { big.Digest, small.Digest }.Order(StringComparer.Ordinal),
            analysedImages.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("analyze", "--registry", "no-such-registry",
        "usage error: --registry no-such-registry: no registry with this name is configured (Registries)")]
    [InlineData("scan", "--registry", "no-such-registry",
        "usage error: --registry no-such-registry: no registry with this name is configured (Registries)")]
    [InlineData("analyze", "--max-bytes", "lots",
        "usage error: --max-bytes: 'lots' is not a size (e.g. 500MB, 20GiB or a number of bytes).")]
    public async Task Command_UnknownRegistryOrBadSize_ExitsTwoWithOneLineOnStandardError(
        string command, string option, string value, string expectedError)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var environment = Environment("configured", "some/repository");

        var result = await ProductProcess.RunAsync([command, option, value], environment, cancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expectedError], result.ErrorLines);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    /// <summary>The summary line, with the elapsed seconds replaced by <c>S</c> (they vary from run to run).</summary>
    private static string SummaryLine(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains(": analysis ", StringComparison.Ordinal))
            .ToList();
        return ElapsedSeconds().Replace(Assert.Single(lines), " in S s ");
    }

    private Dictionary<string, string?> Environment(string registry, string repository) => new()
    {
        ["ConnectionStrings__Postgres"] = database.ConnectionString,
        ["Registries__0__Name"] = registry,
        ["Registries__0__Url"] = TestRegistryEnvironment.RequireRegistry().ToString(),
        ["Registries__0__Include__0"] = repository,
    };

    [GeneratedRegex(" in [0-9]+\\.[0-9] s ")]
    private static partial Regex ElapsedSeconds();
}
