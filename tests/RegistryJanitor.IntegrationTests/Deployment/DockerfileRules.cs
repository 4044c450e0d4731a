using System.Text.Json;
using System.Text.RegularExpressions;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// The rules our own image must pass, checked statically (no Docker engine needed). Each violation is a line
/// that starts with the rule's id, so a test can tell which rule a broken Dockerfile breaks.
/// </summary>
internal static partial class DockerfileRules
{
    public const string MultiStage = "multi-stage";
    public const string PinnedBase = "pinned-base";
    public const string RestoreFirst = "restore-first";
    public const string NuGetCache = "nuget-cache";
    public const string NonRoot = "non-root";
    public const string HealthCheck = "healthcheck";
    public const string ExecEntrypoint = "entrypoint";
    public const string OciLabels = "oci-labels";

    public const string Executable = "/app/RegistryJanitor";

    private const string LabelPrefix = "org.opencontainers.image.";

    public static IReadOnlyList<string> FindViolations(IReadOnlyList<DockerfileInstruction> instructions)
    {
        var violations = new List<string>();
        var froms = instructions.Where(instruction => instruction.Keyword == "FROM").ToList();
        if (froms.Count < 2)
        {
            violations.Add($"{MultiStage}: {froms.Count} stage(s); build and runtime must be separate stages");
        }

        CheckPinnedBases(froms, violations);
        CheckRestoreLayer(instructions, violations);
        CheckNuGetCacheMounts(instructions, violations);

        var finalStage = froms.Count - 1;
        var final = instructions.Where(instruction => instruction.Stage == finalStage).ToList();
        CheckUser(final, violations);
        CheckHealthCheck(final, violations);
        CheckEntrypoint(final, violations);
        if (froms.Count > 0)
        {
            CheckLabels(froms[^1], final, violations);
        }

        return violations;
    }

    /// <summary>Sources a COPY or ADD takes from the build context (not from another stage).</summary>
    public static IReadOnlyList<string> ContextSources(DockerfileInstruction instruction)
    {
        if (instruction.Keyword is not ("COPY" or "ADD")
            || instruction.Flags.Any(flag => flag.StartsWith("--from=", StringComparison.Ordinal)))
        {
            return [];
        }

        var operands = instruction.IsExecForm
            ? JsonSerializer.Deserialize<string[]>(string.Join(' ', instruction.Operands))!
            : instruction.Operands.ToArray();
        return operands.Length < 2 ? [] : operands[..^1];
    }

    /// <summary>The instruction that restores packages, or null.</summary>
    public static DockerfileInstruction? RestoreStep(IReadOnlyList<DockerfileInstruction> instructions) =>
        instructions.FirstOrDefault(instruction =>
            instruction.Keyword == "RUN" && instruction.Arguments.Contains("dotnet restore", StringComparison.Ordinal));

    private static void CheckPinnedBases(List<DockerfileInstruction> froms, List<string> violations)
    {
        var stageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var from in froms)
        {
            var operands = from.Operands;
            var image = operands.Count > 0 ? operands[0] : string.Empty;
            if (!stageNames.Contains(image) && !PinnedImage().IsMatch(image))
            {
                violations.Add($"{PinnedBase}: {from} is not pinned as name:tag@sha256:<64 hex>");
            }

            if (operands.Count == 3 && operands[1].Equals("AS", StringComparison.OrdinalIgnoreCase))
            {
                stageNames.Add(operands[2]);
            }
        }
    }

    private static void CheckRestoreLayer(IReadOnlyList<DockerfileInstruction> instructions, List<string> violations)
    {
        var restore = RestoreStep(instructions);
        if (restore is null)
        {
            violations.Add($"{RestoreFirst}: no RUN dotnet restore step");
            return;
        }

        var copiesBefore = instructions.Where(instruction =>
            instruction.Stage == restore.Stage && instruction.Line < restore.Line
            && ContextSources(instruction).Count > 0);
        foreach (var copy in copiesBefore)
        {
            foreach (var source in ContextSources(copy).Where(source => !IsProjectFile(source)))
            {
                var what = IsWholeContext(source) ? "copies the whole context" : $"copies {source}";
                violations.Add($"{RestoreFirst}: {copy} {what} before the restore step; only project files may");
            }
        }
    }

    private static void CheckNuGetCacheMounts(IReadOnlyList<DockerfileInstruction> instructions,
        List<string> violations)
    {
        var dotnetRuns = instructions.Where(instruction => instruction.Keyword == "RUN"
            && DotnetPackageCommand().IsMatch(instruction.Arguments));
        foreach (var run in dotnetRuns)
        {
            var cached = run.Flags.Any(flag => flag.StartsWith("--mount=", StringComparison.Ordinal)
                && flag.Contains("type=cache", StringComparison.Ordinal)
                && flag.Contains("target=/root/.nuget/packages", StringComparison.Ordinal));
            if (!cached)
            {
                violations.Add($"{NuGetCache}: {run} has no cache mount on /root/.nuget/packages");
            }
        }
    }

    private static void CheckUser(List<DockerfileInstruction> final, List<string> violations)
    {
        var user = final.LastOrDefault(instruction => instruction.Keyword == "USER");
        var name = user?.Arguments.Split(':')[0].Trim() ?? string.Empty;
        if (user is null || name.Length == 0 || name is "root" or "0")
        {
            violations.Add(
                $"{NonRoot}: the final stage must end with a non-root USER (found: {user?.ToString() ?? "none"})");
        }
    }

    private static void CheckHealthCheck(List<DockerfileInstruction> final, List<string> violations)
    {
        var healthCheck = final.LastOrDefault(instruction => instruction.Keyword == "HEALTHCHECK");
        var operands = healthCheck?.Operands ?? [];
        var command = operands.Count > 1 && operands[0] == "CMD" ? string.Join(' ', operands.Skip(1)) : string.Empty;
        if (!command.StartsWith('['))
        {
            violations.Add($"{HealthCheck}: the final stage needs HEALTHCHECK CMD [...] in exec form " +
                $"(found: {healthCheck?.ToString() ?? "none"})");
            return;
        }

        string[] expected = [Executable, "healthcheck"];
        if (!JsonSerializer.Deserialize<string[]>(command)!.SequenceEqual(expected))
        {
            violations.Add($"{HealthCheck}: {healthCheck} must run {string.Join(' ', expected)}");
        }
    }

    private static void CheckEntrypoint(List<DockerfileInstruction> final, List<string> violations)
    {
        var entrypoint = final.LastOrDefault(instruction => instruction.Keyword == "ENTRYPOINT");
        if (entrypoint is null || !entrypoint.IsExecForm
            || JsonSerializer.Deserialize<string[]>(entrypoint.Arguments)!.FirstOrDefault() != Executable)
        {
            violations.Add($"{ExecEntrypoint}: the final stage needs ENTRYPOINT [\"{Executable}\"] in exec form " +
                $"(found: {entrypoint?.ToString() ?? "none"})");
        }

        var cmd = final.LastOrDefault(instruction => instruction.Keyword == "CMD");
        if (cmd is null || !cmd.IsExecForm
            || !JsonSerializer.Deserialize<string[]>(cmd.Arguments)!.SequenceEqual(["run"]))
        {
            violations.Add(
                $"{ExecEntrypoint}: the final stage needs CMD [\"run\"] (found: {cmd?.ToString() ?? "none"})");
        }
    }

    private static void CheckLabels(DockerfileInstruction finalFrom, List<DockerfileInstruction> final,
        List<string> violations)
    {
        var labels = final.Where(instruction => instruction.Keyword == "LABEL")
            .SelectMany(instruction => LabelPair().Matches(instruction.Arguments))
            .ToDictionary(match => match.Groups["key"].Value, match => match.Groups["value"].Value.Trim('"'),
                StringComparer.Ordinal);
        var args = final.Where(instruction => instruction.Keyword == "ARG")
            .Select(instruction => instruction.Arguments.Split('=')[0].Trim())
            .ToHashSet(StringComparer.Ordinal);

        foreach (var key in new[] { "source", "revision", "base.name", "base.digest" })
        {
            if (!labels.ContainsKey(LabelPrefix + key))
            {
                violations.Add($"{OciLabels}: label {LabelPrefix}{key} is missing from the final stage");
            }
        }

        var revision = labels.GetValueOrDefault(LabelPrefix + "revision", string.Empty);
        var revisionArg = ArgReference().Match(revision);
        if (!revisionArg.Success || !args.Contains(revisionArg.Groups["name"].Value))
        {
            violations.Add(
                $"{OciLabels}: {LabelPrefix}revision must come from an ARG of the final stage (is {revision})");
        }

        var image = finalFrom.Operands.Count > 0 ? finalFrom.Operands[0] : string.Empty;
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var (name, digest) = at < 0 ? (image, string.Empty) : (image[..at], image[(at + 1)..]);
        if (labels.GetValueOrDefault(LabelPrefix + "base.name") != name
            || labels.GetValueOrDefault(LabelPrefix + "base.digest") != digest)
        {
            violations.Add($"{OciLabels}: base.name/base.digest labels must equal the final FROM ({name} @ {digest})");
        }
    }

    private static bool IsProjectFile(string source)
    {
        var fileName = source.Split('/')[^1];
        return ProjectFileName().IsMatch(fileName);
    }

    private static bool IsWholeContext(string source) => source is "." or "./" or "*" or "/" or "./*";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._\-/:]*:[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}@sha256:[0-9a-f]{64}$")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"^(.+\.(csproj|fsproj|sln|slnx)|Directory\.[A-Za-z.]+\.(props|targets)|global\.json|" +
        @"nuget\.config|NuGet\.Config|packages\.lock\.json)$")]
    private static partial Regex ProjectFileName();

    [GeneratedRegex(@"\bdotnet\s+(restore|build|publish)\b")]
    private static partial Regex DotnetPackageCommand();

    [GeneratedRegex(@"(?<key>[A-Za-z0-9._\-]+)=(?<value>""[^""]*""|\S+)")]
    private static partial Regex LabelPair();

    [GeneratedRegex(@"^\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)\}?$")]
    private static partial Regex ArgReference();
}
