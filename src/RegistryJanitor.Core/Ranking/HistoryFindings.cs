using RegistryJanitor.Core.Manifests;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Findings read from the config: history order, user, health check, base pinning.</summary>
internal static class HistoryFindings
{
    private static readonly string[] DependencyInstallWords =
    [
        "npm ci", "npm install", "yarn install", "pnpm install", "pip install", "pip3 install", "poetry install",
        "mvn ", "gradle ", "go mod download", "dotnet restore", "bundle install", "composer install",
    ];

    private static readonly string[] RootUsers = ["", "root", "0", "0:0", "root:root", "root:0", "0:root"];

    public static Finding? ContextBeforeDependencies(ImageConfigFacts config)
    {
        var copyStep = -1;
        for (var step = 0; step < config.History.Count; step++)
        {
            var createdBy = config.History[step].CreatedBy ?? string.Empty;
            if (copyStep < 0 && IsWholeContextCopy(createdBy))
            {
                copyStep = step;
                continue;
            }

            var install = DependencyInstallWords.FirstOrDefault(word =>
                createdBy.Contains(word, StringComparison.Ordinal));
            if (copyStep >= 0 && install is not null)
            {
                return new Finding(
                    FindingKind.BuildContextBeforeDependencies,
                    FindingStatus.Present,
                    Severity.Low,
                    $"the whole build context is copied (step {copyStep}) before '{install.Trim()}' (step {step})",
                    [
                        new FindingEvidence("whole-context copy", null, copyStep, null, 0),
                        new FindingEvidence($"dependency install: {install.Trim()}", null, step, null, 0),
                    ]);
            }
        }

        return null;
    }

    public static Finding? RunsAsRoot(ImageConfigFacts config)
    {
        var user = (config.User ?? string.Empty).Trim();
        return RootUsers.Contains(user, StringComparer.Ordinal)
            ? new Finding(
                FindingKind.RunsAsRoot,
                FindingStatus.Present,
                Severity.High,
                user.Length == 0 ? "config sets no User: the container runs as root" : $"config User is '{user}'",
                [new FindingEvidence($"config User='{user}'", null, null, null, 0)])
            : null;
    }

    public static Finding? NoHealthcheck(ImageEvidence evidence, ImageConfigFacts config)
    {
        // The OCI image spec has no health check field, so only Docker-format images can be faulted for it.
        var dockerFormat = evidence.MediaType.Contains("docker", StringComparison.Ordinal);
        var absent = config.HealthcheckTest is null || config.HealthcheckTest.Count == 0
            || config.HealthcheckTest[0] == "NONE";
        return dockerFormat && absent
            ? new Finding(
                FindingKind.NoHealthcheck,
                FindingStatus.Present,
                Severity.Low,
                "Docker image without a HEALTHCHECK",
                [new FindingEvidence("config Healthcheck absent", null, null, null, 0)])
            : null;
    }

    public static Finding? UnpinnedBase(ImageEvidence evidence, ImageConfigFacts config)
    {
        string? Read(string key) =>
            evidence.Annotations.GetValueOrDefault(key) ?? config.Labels.GetValueOrDefault(key);

        var name = Read(BaseImageAnnotations.BaseName);
        var digest = Read(BaseImageAnnotations.BaseDigest);
        if (!string.IsNullOrEmpty(digest) || (name?.Contains("@sha256:", StringComparison.Ordinal) ?? false))
        {
            return null;
        }

        return string.IsNullOrEmpty(name)
            ? Finding.Unknown(FindingKind.UnpinnedBase, "unknown: the image records neither base name nor digest")
            : new Finding(
                FindingKind.UnpinnedBase,
                FindingStatus.Present,
                Severity.Medium,
                $"base '{name}' is recorded without a digest",
                [new FindingEvidence($"{BaseImageAnnotations.BaseName}={name}", null, null, null, 0)]);
    }

    /// <summary>Whether a history step copies the whole build context (BuildKit or classic builder form).</summary>
    internal static bool IsWholeContextCopy(string createdBy)
    {
        var text = createdBy.Replace("/bin/sh -c #(nop) ", string.Empty, StringComparison.Ordinal).Trim();
        return text.StartsWith("COPY . ", StringComparison.Ordinal)
            || text.StartsWith("ADD . ", StringComparison.Ordinal)
            || (text.StartsWith("COPY --chown", StringComparison.Ordinal)
                && text.Contains(" . ", StringComparison.Ordinal));
    }

    /// <summary>Whether a history step ran a shell command in this image's own filesystem.</summary>
    internal static bool IsRunStep(HistoryEntry entry)
    {
        var createdBy = entry.CreatedBy ?? string.Empty;
        return createdBy.StartsWith("RUN ", StringComparison.Ordinal)
            || (createdBy.StartsWith("/bin/sh -c ", StringComparison.Ordinal)
                && !createdBy.Contains("#(nop)", StringComparison.Ordinal));
    }
}
