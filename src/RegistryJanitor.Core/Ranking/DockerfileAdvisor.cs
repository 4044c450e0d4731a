using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Turns a classification and its findings into concrete Dockerfile changes.</summary>
public static class DockerfileAdvisor
{
    public static IReadOnlyList<Recommendation> Advise(
        ImageEvidence evidence, Classification classification, IReadOnlyList<Finding> findings, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(options);
        if (classification.Row is ScenarioRow.NotAnImage)
        {
            return [];
        }

        var present = findings.Where(finding => finding.Status == FindingStatus.Present)
            .ToDictionary(finding => finding.Kind);
        var recommendations = new List<Recommendation>();
        var row = RowRecommendation(evidence, classification, present, options);
        if (row is not null)
        {
            recommendations.Add(row);
        }

        foreach (var finding in present.Values)
        {
            var fix = FindingFix(evidence, classification, finding, options);
            if (fix is null || recommendations.Any(existing => existing.Addresses.Contains(finding.Kind)))
            {
                continue;
            }

            // Two findings can share one change (a toolchain and a shell both leave in a build stage): the report
            // shows that change once, addressing both, instead of the same Dockerfile twice.
            var same = recommendations.FindIndex(existing => existing.Snippet == fix.Snippet);
            if (same >= 0)
            {
                recommendations[same] = recommendations[same] with
                {
                    Addresses = [.. recommendations[same].Addresses, finding.Kind],
                };
            }
            else
            {
                recommendations.Add(fix);
            }
        }

        return recommendations;
    }

    private static Recommendation? RowRecommendation(
        ImageEvidence evidence,
        Classification classification,
        Dictionary<FindingKind, Finding> present,
        RankingOptions options)
    {
        var ecosystem = classification.Ecosystem.Ecosystem;
        var target = BaseReference.For(classification.Ecosystem, classification.Row, options);
        FindingKind[] Covered(params FindingKind[] kinds) => [.. kinds.Where(present.ContainsKey)];

        return classification.Row switch
        {
            ScenarioRow.HighFrequencyMicroservice when ecosystem == Ecosystem.Python => new(
                $"slim Python base ({target.Name}) with pip cache mounts",
                EffortClass.Medium,
                Covered(FindingKind.PackageManagerLeftovers, FindingKind.RunsAsRoot, FindingKind.ToolchainInRuntime),
                RuntimeSnippets.PythonSlim(target)),
            ScenarioRow.HighFrequencyMicroservice => new(
                $"multi-stage build with a distroless runtime ({target.Name}) and BuildKit cache mounts",
                EffortClass.Medium,
                Covered(FindingKind.ToolchainInRuntime, FindingKind.ShellAndPackageManager, FindingKind.RunsAsRoot,
                    FindingKind.PackageManagerLeftovers, FindingKind.BuildContextBeforeDependencies),
                RuntimeSnippets.MultiStage(ecosystem, target)),
            ScenarioRow.DataHeavyMlPython => new(
                $"slim Debian base ({target.Name}), pip cache mounts, pinned requirements layer",
                EffortClass.Large,
                Covered(FindingKind.PackageManagerLeftovers, FindingKind.RunsAsRoot,
                    FindingKind.BuildContextBeforeDependencies),
                RuntimeSnippets.PythonSlim(target)),
            ScenarioRow.LegacyMonolith => new(
                $"alpine base ({target.Name}) with runtime hardening",
                EffortClass.Medium,
                Covered(FindingKind.RunsAsRoot),
                RuntimeSnippets.AlpineHardened(target)),
            ScenarioRow.CiConstrained => new(
                "BuildKit inline cache and registry cache export",
                EffortClass.Small,
                [],
                RuntimeSnippets.CacheExport($"{evidence.RegistryHost ?? evidence.Registry}/{evidence.Repository}")),
            _ => null,
        };
    }

    private static Recommendation? FindingFix(
        ImageEvidence evidence, Classification classification, Finding finding, RankingOptions options)
    {
        FindingKind[] Only() => [finding.Kind];
        return finding.Kind switch
        {
            FindingKind.PackageManagerLeftovers => new(
                "install and clean in the same RUN step", EffortClass.Small, Only(),
                LeftoverFix(evidence, classification)),
            FindingKind.RunsAsRoot => new(
                "run as a non-root user", EffortClass.Small, Only(), classification.OsFamily switch
            {
                OsFamily.Alpine => "RUN addgroup -S app && adduser -S -G app -u 10001 app\nUSER 10001",
                OsFamily.Distroless => "USER 65532:65532",
                _ => "RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin app\nUSER 10001",
            }),
            FindingKind.NoDockerignore => new(
                ".dockerignore for the files that leaked into the image", EffortClass.Small, Only(),
                string.Join('\n', DockerignoreLines.From(finding.Evidence.Select(item => item.Path).OfType<string>()))),
            FindingKind.BuildContextBeforeDependencies => new(
                "copy dependency manifests and install before copying the source", EffortClass.Small, Only(),
                DependencyOrder(classification.Ecosystem.Ecosystem)),
            FindingKind.UnpinnedBase => new("pin the base image by digest", EffortClass.Small, Only(),
                "FROM " + (evidence.Config?.Labels.GetValueOrDefault(BaseImageAnnotations.BaseName)
                    ?? evidence.Annotations.GetValueOrDefault(BaseImageAnnotations.BaseName) ?? "BASE")
                + "@sha256:<digest from `docker buildx imagetools inspect`>"),
            FindingKind.NoHealthcheck => new("declare a health check", EffortClass.Small, Only(),
                "HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD [\"/app/healthcheck\"]"),
            FindingKind.NoSbomOrSignature => new("attach an SBOM and provenance, and sign", EffortClass.Small, Only(),
                "docker buildx build --sbom=true --provenance=mode=max -t IMAGE --push .\ncosign sign IMAGE@DIGEST"),
            FindingKind.ToolchainInRuntime or FindingKind.ShellAndPackageManager => new(
                "move compilers and the package manager into a build stage", EffortClass.Medium, Only(),
                RuntimeSnippets.MultiStage(classification.Ecosystem.Ecosystem,
                    BaseReference.For(classification.Ecosystem, ScenarioRow.HighFrequencyMicroservice, options))),
            FindingKind.HiddenBytes => new("delete temporary files in the step that creates them", EffortClass.Small,
                Only(),
                "RUN curl -fsSLo /tmp/pkg.tgz URL \\\n    && tar -xzf /tmp/pkg.tgz -C /opt \\\n"
                + "    && rm /tmp/pkg.tgz"),
            FindingKind.SecretLikeFiles => new("rotate the exposed credentials; pass them as build secrets",
                EffortClass.Small, Only(),
                "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n"
                + "# build: --secret id=npmrc,src=$HOME/.npmrc"),
            FindingKind.SquashedImage => new(
                "stop squashing; keep layers so tags share them", EffortClass.Small, Only(),
                "# remove --squash from the build; split base, dependencies and application into separate steps"),
            _ => null,
        };
    }

    private static string LeftoverFix(ImageEvidence evidence, Classification classification)
    {
        var categories = evidence.Analysis?.Categories.Select(total => total.Category).ToHashSet() ?? [];
        if (categories.Contains(DeadWeightCategory.ApkCache) || classification.OsFamily == OsFamily.Alpine)
        {
            return "RUN apk add --no-cache PACKAGES";
        }

        if (categories.Contains(DeadWeightCategory.PipCache))
        {
            return "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt";
        }

        if (categories.Contains(DeadWeightCategory.NpmCache) || categories.Contains(DeadWeightCategory.YarnCache))
        {
            return "RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev";
        }

        if (categories.Contains(DeadWeightCategory.YumDnfCache))
        {
            return "RUN dnf install -y --setopt=install_weak_deps=False PACKAGES \\\n"
                + "    && dnf clean all && rm -rf /var/cache/dnf";
        }

        return "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends PACKAGES \\\n"
            + "    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb";
    }

    private static string DependencyOrder(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.Node => "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .",
        Ecosystem.Python => "COPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .",
        Ecosystem.Go => "COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .",
        Ecosystem.Jvm => "COPY pom.xml ./\nRUN mvn -q dependency:go-offline\nCOPY src ./src",
        Ecosystem.DotNet => "COPY *.csproj ./\nRUN dotnet restore\nCOPY . .",
        _ => "COPY DEPENDENCY_MANIFESTS ./\nRUN INSTALL_DEPENDENCIES\nCOPY . .",
    };
}
