using Dapper;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class AuthTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string User = "scanner";
    private const string Password = "s3cret";

    private const string WrittenSql = """
        SELECT (SELECT count(*) FROM repositories AS r JOIN registries AS g ON g.id = r.registry_id
                WHERE g.name = @name) AS repositories,
            (SELECT count(*) FROM scan_runs AS s JOIN registries AS g ON g.id = s.registry_id
                WHERE g.name = @name AND s.status = 'failed' AND s.error LIKE '%refused%') AS failed_runs
        """;

    [Fact]
    public async Task ScanAsync_HtpasswdBasicAuth_ScansWithTheRightPasswordAndFailsCleanlyWithAWrongOne()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { HtpasswdUsers = new Dictionary<string, string> { [User] = Password } },
            cancellationToken);
        var tags = await SeedAsync(registry.BaseAddress, cancellationToken);
        await using var host = new ScannerHost(database.DataSource);

        var good = await host.ScanAsync(Registry("basic-good", registry.BaseAddress, Password), cancellationToken);
        var bad = await host.ScanAsync(Registry("basic-bad", registry.BaseAddress, "wrong"), cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, good.Status);
        Assert.Equal(tags, await new InventoryRows(database.DataSource, "basic-good").TagsAsync(cancellationToken));
        await AssertFailedAndNothingWrittenAsync(bad, "basic-bad", cancellationToken);
    }

    [Fact]
    public async Task ScanAsync_BearerTokenAuth_CachesOneTokenPerScopeAndFailsCleanlyWithAWrongPassword()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var tokens = await TestTokenServer.StartAsync(
            new TestTokenServerOptions { Users = new Dictionary<string,
                string> { [User] = Password } }, cancellationToken);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { TokenAuth = tokens.RegistryAuth }, cancellationToken);
        var tags = await SeedAsync(registry.BaseAddress, cancellationToken);
        var repositories = tags.Select(t => t.Repository).Distinct().Count();
        await using var host = new ScannerHost(database.DataSource);
        var issuedBefore = tokens.TokensIssued;

        var good = await host.ScanAsync(Registry("bearer-good", registry.BaseAddress, Password), cancellationToken);
        var issued = tokens.TokensIssued - issuedBefore;
        var bad = await host.ScanAsync(Registry("bearer-bad", registry.BaseAddress, "wrong"), cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, good.Status);
        Assert.Equal(tags, await new InventoryRows(database.DataSource, "bearer-good").TagsAsync(cancellationToken));
        Assert.Equal(1 + repositories, issued);
        await AssertFailedAndNothingWrittenAsync(bad, "bearer-bad", cancellationToken);
    }

    private async Task AssertFailedAndNothingWrittenAsync(ScanSummary bad, string name,
        CancellationToken cancellationToken)
    {
        Assert.Equal(ScanStatus.Failed, bad.Status);
        Assert.Contains("refused the credentials", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", bad.Error, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var written = await connection.QuerySingleAsync<(long Repositories, long FailedRuns)>(
            new CommandDefinition(WrittenSql, new { name }, cancellationToken: cancellationToken));
        Assert.Equal((0L, 1L), written);
    }

    private static async Task<HashSet<(string Repository, string Tag, string Digest)>> SeedAsync(
        Uri registry, CancellationToken cancellationToken)
    {
        using var builder = TestImageBuilder.For(registry, new RegistryCredentials(User, Password));
        var result = new HashSet<(string, string, string)>();
        foreach (var name in new[] { "auth/one", "auth/two", "auth/three" })
        {
            var image = await builder.Image(name).Layer(l => l.File("/f", name)).PushAsync("v1", cancellationToken);
            result.Add((name, "v1", image.Digest));
        }

        return result;
    }

    private static RegistryOptions Registry(string name, Uri url, string password) =>
        new() { Name = name, Url = url, Username = User, Password = password };
}
