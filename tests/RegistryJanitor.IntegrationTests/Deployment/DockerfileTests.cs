using System.Text.RegularExpressions;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

public sealed partial class DockerfileTests
{
    private const string DockerfilePath = "deploy/Dockerfile";
    private const string CacheMount = "--mount=type=cache,target=/root/.nuget/packages";

    public static TheoryData<string, string> Breakages => new()
    {
        { "single-stage", DockerfileRules.MultiStage },
        { "unpinned-build-base", DockerfileRules.PinnedBase },
        { "digest-without-tag", DockerfileRules.PinnedBase },
        { "root-user", DockerfileRules.NonRoot },
        { "no-user", DockerfileRules.NonRoot },
        { "context-copy-before-restore", DockerfileRules.RestoreFirst },
        { "sources-before-restore", DockerfileRules.RestoreFirst },
        { "publish-without-cache-mount", DockerfileRules.NuGetCache },
        { "shell-form-healthcheck", DockerfileRules.HealthCheck },
        { "no-healthcheck", DockerfileRules.HealthCheck },
        { "shell-form-entrypoint", DockerfileRules.ExecEntrypoint },
        { "base-digest-label-mismatch", DockerfileRules.OciLabels },
        { "no-revision-label", DockerfileRules.OciLabels },
    };

    [Fact]
    public void FindViolations_CommittedDockerfile_PassesEveryRule()
    {
        var instructions = DockerfileParser.Parse(RepositoryFiles.ReadAllText(DockerfilePath));

        var violations = DockerfileRules.FindViolations(instructions);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public void FindViolations_CommittedDockerfileBroken_ReportsTheBrokenRule(string breakage, string rule)
    {
        var original = RepositoryFiles.ReadAllText(DockerfilePath);
        var broken = Break(original, breakage);

        var violations = DockerfileRules.FindViolations(DockerfileParser.Parse(broken));

        Assert.NotEqual(original, broken);
        Assert.Contains(violations, violation => violation.StartsWith(rule + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void RestoreStep_CommittedDockerfile_FollowsCopiesOfEveryProjectUnderSrc()
    {
        var instructions = DockerfileParser.Parse(RepositoryFiles.ReadAllText(DockerfilePath));
        var projects = RepositoryFiles.FilesUnder("src")
            .Where(path => path.EndsWith(".csproj", StringComparison.Ordinal))
            .ToList();

        var restore = DockerfileRules.RestoreStep(instructions);
        var copiedBeforeRestore = instructions
            .Where(instruction => restore is not null && instruction.Line < restore.Line)
            .SelectMany(DockerfileRules.ContextSources)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotNull(restore);
        Assert.NotEmpty(projects);
        Assert.All(projects, project => Assert.Contains(project, copiedBeforeRestore));
    }

    private static string Break(string dockerfile, string breakage)
    {
        var lines = dockerfile.ReplaceLineEndings("\n");
        var restoreRun = lines.IndexOf("RUN " + CacheMount, StringComparison.Ordinal);
        var publishRun = lines.IndexOf("RUN " + CacheMount, restoreRun + 1, StringComparison.Ordinal);
        var firstFrom = lines.IndexOf("FROM ", StringComparison.Ordinal);
        var secondFrom = lines.IndexOf("\nFROM ", firstFrom, StringComparison.Ordinal);
        return breakage switch
        {
            "single-stage" => lines[(secondFrom + 1)..],
            "unpinned-build-base" => DigestPattern().Replace(lines, string.Empty, 1),
            "digest-without-tag" => lines.Replace("sdk:10.0-noble@", "sdk@", StringComparison.Ordinal),
            "root-user" => UserLine().Replace(lines, "USER root"),
            "no-user" => UserLine().Replace(lines, string.Empty),
            "context-copy-before-restore" => lines.Insert(restoreRun, "COPY . .\n"),
            "sources-before-restore" => lines.Insert(restoreRun, "COPY src/ src/\n"),
            "publish-without-cache-mount" => lines.Remove(publishRun + "RUN ".Length, CacheMount.Length),
            "shell-form-healthcheck" => lines.Replace($"CMD [\"{DockerfileRules.Executable}\", \"healthcheck\"]",
                $"CMD {DockerfileRules.Executable} healthcheck", StringComparison.Ordinal),
            "no-healthcheck" => HealthCheckLines().Replace(lines, string.Empty),
            "shell-form-entrypoint" => lines.Replace($"ENTRYPOINT [\"{DockerfileRules.Executable}\"]",
                $"ENTRYPOINT {DockerfileRules.Executable}", StringComparison.Ordinal),
            "base-digest-label-mismatch" => BaseDigestLabel().Replace(lines, "${1}sha256:" + new string('0', 64)),
            "no-revision-label" => RevisionLabel().Replace(lines, string.Empty),
            _ => throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "unknown breakage"),
        };
    }

    [GeneratedRegex("@sha256:[0-9a-f]{64}")]
    private static partial Regex DigestPattern();

    [GeneratedRegex("^USER .*$", RegexOptions.Multiline)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^HEALTHCHECK .*\\\n.*\n", RegexOptions.Multiline)]
    private static partial Regex HealthCheckLines();

    [GeneratedRegex(@"(org\.opencontainers\.image\.base\.digest="")sha256:[0-9a-f]{64}")]
    private static partial Regex BaseDigestLabel();

    [GeneratedRegex(@"^\s*org\.opencontainers\.image\.revision=.*\n", RegexOptions.Multiline)]
    private static partial Regex RevisionLabel();
}
