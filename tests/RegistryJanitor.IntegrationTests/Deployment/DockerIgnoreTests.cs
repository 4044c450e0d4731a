using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

public sealed class DockerIgnoreTests
{
    private static readonly Lazy<DockerIgnore> Committed =
        new(() => new DockerIgnore(RepositoryFiles.ReadAllText(".dockerignore")));

    [Theory]
    [InlineData(".git/HEAD")]
    [InlineData(".gitignore")]
    [InlineData("src/RegistryJanitor/bin/Release/net10.0/RegistryJanitor.dll")]
    [InlineData("src/RegistryJanitor.Core/obj/project.assets.json")]
    [InlineData("tests/RegistryJanitor.IntegrationTests/RegistryJanitor.IntegrationTests.csproj")]
    [InlineData("src/RegistryJanitor/TestResults/run.trx")]
    [InlineData(".ci/run")]
    [InlineData("deploy/Dockerfile")]
    [InlineData("deploy/kubernetes/deployment.yaml")]
    [InlineData("deploy/test.sh")]
    [InlineData("docker-compose.yml")]
    [InlineData("README.md")]
    [InlineData("src/RegistryJanitor/NOTES.md")]
    [InlineData(".env")]
    [InlineData(".env.local")]
    [InlineData(".vs/RegistryJanitor/config.json")]
    [InlineData(".idea/workspace.xml")]
    [InlineData(".vscode/settings.json")]
    [InlineData("src/RegistryJanitor/appsettings.Development.json")]
    [InlineData("reports/2026-11-cost.xlsx")]
    [InlineData("src/RegistryJanitor/node_modules/left-pad/index.js")]
    public void Excludes_CommittedDockerignore_KeepsOutWhatTheImageDoesNotNeed(string path)
    {
        var excluded = Committed.Value.Excludes(path);

        Assert.True(excluded, $"{path} would be sent to the image build");
    }

    [Fact]
    public void Excludes_CommittedDockerignore_KeepsEverythingTheDockerfileCopies()
    {
        var instructions = DockerfileParser.Parse(RepositoryFiles.ReadAllText("deploy/Dockerfile"));
        var sources = instructions.SelectMany(DockerfileRules.ContextSources).Distinct().ToList();

        var needed = sources.SelectMany(FilesTheBuildReads).ToList();
        var excluded = needed.Where(Committed.Value.Excludes).ToList();

        Assert.Contains("appsettings.json", needed);
        Assert.Contains("src/RegistryJanitor/RegistryJanitor.csproj", needed);
        Assert.True(excluded.Count == 0, "excluded but copied by the Dockerfile: " + string.Join(", ", excluded));
    }

    [Theory]
    [InlineData("**/bin", "bin/a.dll", true)]
    [InlineData("**/bin", "src/app/bin/Debug/a.dll", true)]
    [InlineData("**/bin", "src/binder/a.cs", false)]
    [InlineData("tests", "tests/a/b.cs", true)]
    [InlineData("tests", "src/tests/b.cs", false)]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/README.md", false)]
    [InlineData("**/*.md", "docs/README.md", true)]
    [InlineData(".env.*", ".env.local", true)]
    [InlineData(".env.*", ".env", false)]
    [InlineData("deploy\n!deploy/keep.txt", "deploy/keep.txt", false)]
    [InlineData("deploy\n!deploy/keep.txt", "deploy/other.txt", true)]
    public void Excludes_Pattern_MatchesLikeTheDockerBuilder(string patterns, string path, bool expected)
    {
        var ignore = new DockerIgnore(patterns);

        var excluded = ignore.Excludes(path);

        Assert.Equal(expected, excluded);
    }

    /// <summary>
    /// The repository files a COPY source brings in; a folder that does not exist yet (migrations/ before the
    /// first migration) stands for a typical file in it.
    /// </summary>
    private static IEnumerable<string> FilesTheBuildReads(string source)
    {
        var trimmed = source.TrimEnd('/');
        if (trimmed is "" or "." or "*")
        {
            // The whole context: whatever the file keeps is by definition what the build reads.
            return [];
        }

        if (File.Exists(RepositoryFiles.PathOf(trimmed)))
        {
            return [trimmed];
        }

        var files = RepositoryFiles.FilesUnder(trimmed);
        return files.Count > 0 ? files : [$"{trimmed}/V001__example.sql"];
    }
}
