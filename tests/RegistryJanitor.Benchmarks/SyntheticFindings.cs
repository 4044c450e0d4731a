using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// Findings and recommendations of the synthetic ranking, drawn from a seeded <see cref="Random"/>: the kinds the
/// ranking knows, each with the severity, summary, evidence paths and byte ranges an image of that kind would show.
/// </summary>
internal static class SyntheticFindings
{
    private const long MiB = 1L << 20;

    /// <summary>Kinds whose evidence comes from layer contents: unknown when the layers were not analysed.</summary>
    private static readonly HashSet<FindingKind> NeedLayerAnalysis =
    [
        FindingKind.NoDockerignore, FindingKind.PackageManagerLeftovers, FindingKind.ToolchainInRuntime,
        FindingKind.ShellAndPackageManager, FindingKind.HiddenBytes, FindingKind.SecretLikeFiles,
    ];

    /// <summary>Kinds an already lean image still shows: none of them costs bytes.</summary>
    private static readonly FindingKind[] LeanKinds =
        [FindingKind.NoHealthcheck, FindingKind.NoSbomOrSignature, FindingKind.UnpinnedBase];

    private static readonly FindingKind[] AllKinds = Enum.GetValues<FindingKind>();

    /// <summary>How many kinds exist, so a caller can draw one.</summary>
    public static int KindCount => AllKinds.Length;

    /// <summary>
    /// Draws the image's findings: two byte-free ones for a lean image, three to six for any other; present ones
    /// carry one to three evidence entries.
    /// </summary>
    public static List<Finding> Draw(Random random, ScenarioRow scenario, bool layersAnalysed)
    {
        var kinds = scenario == ScenarioRow.AlreadyLean
            ? LeanKinds.Take(2).ToList()
            : Choose(random, 3 + random.Next(4));
        var findings = new List<Finding>(kinds.Count + 1);
        foreach (var kind in kinds)
        {
            findings.Add(Draw(random, kind, layersAnalysed));
        }

        return findings;
    }

    /// <summary>One finding of <paramref name="kind"/>, unknown when it needs layer contents not read.</summary>
    public static Finding Draw(Random random, FindingKind kind, bool layersAnalysed) =>
        !layersAnalysed && NeedLayerAnalysis.Contains(kind)
            ? Finding.Unknown(kind, "layers not analysed")
            : Present(random, kind);

    /// <summary>The kind at <paramref name="index"/>, for a caller that draws one.</summary>
    public static FindingKind KindAt(int index) => AllKinds[index];

    /// <summary>Bytes of the present findings of <paramref name="kind"/>, summed over their evidence.</summary>
    public static long BytesOf(IReadOnlyList<Finding> findings, FindingKind kind) =>
        findings.Where(finding => finding.Kind == kind && finding.Status == FindingStatus.Present)
            .SelectMany(finding => finding.Evidence)
            .Sum(evidence => evidence.Bytes);

    /// <summary>The scenario's own recommendation first, then one per present finding that has a fix.</summary>
    public static List<Recommendation> Recommend(ScenarioRow scenario, IReadOnlyList<Finding> findings)
    {
        var recommendations = new List<Recommendation>();
        if (ScenarioFix(scenario) is { } scenarioFix)
        {
            recommendations.Add(scenarioFix);
        }

        foreach (var finding in findings.Where(finding => finding.Status == FindingStatus.Present))
        {
            if (KindFix(finding.Kind) is { } fix)
            {
                recommendations.Add(fix);
            }
        }

        return recommendations;
    }

    private static List<FindingKind> Choose(Random random, int count)
    {
        // A partial Fisher-Yates shuffle: the first count entries are a random choice without repeats.
        var kinds = (FindingKind[])AllKinds.Clone();
        for (var i = 0; i < count; i++)
        {
            var pick = i + random.Next(kinds.Length - i);
            (kinds[i], kinds[pick]) = (kinds[pick], kinds[i]);
        }

        return [.. kinds.Take(count)];
    }

    private static Finding Present(Random random, FindingKind kind)
    {
        var (severity, summary, paths, minBytes, maxBytes) = Shape(kind);
        var entries = Math.Min(paths.Length, 1 + random.Next(3));
        var evidence = new List<FindingEvidence>(entries);
        for (var i = 0; i < entries; i++)
        {
            var layer = 1 + random.Next(8);
            var bytes = maxBytes == 0 ? 0 : minBytes + random.NextInt64(maxBytes - minBytes);
            evidence.Add(new FindingEvidence(
                $"layer {layer}, history step {layer + 2}", layer, layer + 2, paths[i], bytes));
        }

        return new Finding(kind, FindingStatus.Present, severity, summary, evidence);
    }

    private static (Severity Severity, string Summary, string[] Paths, long MinBytes, long MaxBytes) Shape(
        FindingKind kind) => kind switch
    {
        FindingKind.BuildContextBeforeDependencies => (Severity.Medium,
            "Sources are copied before the dependency manifests, so every commit re-runs the install step",
            ["/app/package.json", "/app/requirements.txt"], 0, 0),
        FindingKind.NoDockerignore => (Severity.Low,
            "The build context carried files a .dockerignore would leave out",
            ["/app/.git/objects/pack", "/app/node_modules/.cache", "/app/tests/fixtures"], 1 * MiB, 40 * MiB),
        FindingKind.UnpinnedBase => (Severity.Low, "The base image is named by a moving tag, not by digest",
            ["FROM debian:bookworm"], 0, 0),
        FindingKind.PackageManagerLeftovers => (Severity.Medium, "Package manager caches remain in the image",
            ["/var/cache/apt/archives", "/root/.cache/pip", "/root/.npm/_cacache"], 5 * MiB, 120 * MiB),
        FindingKind.SquashedImage => (Severity.Low,
            "One layer holds most of the image, so releases share no layers", ["layer 1"], 50 * MiB, 400 * MiB),
        FindingKind.RunsAsRoot => (Severity.High, "The image runs as root: the config names no user",
            ["config.User"], 0, 0),
        FindingKind.NoSbomOrSignature => (Severity.Info, "No SBOM or signature is attached as a referrer",
            ["referrers"], 0, 0),
        FindingKind.ToolchainInRuntime => (Severity.Medium, "Compilers and headers ship in the runtime image",
            ["/usr/lib/gcc", "/usr/include", "/usr/lib/jvm/java-17-openjdk/lib/ct.sym"], 30 * MiB, 250 * MiB),
        FindingKind.ShellAndPackageManager => (Severity.Low, "A shell and a package manager are present at runtime",
            ["/bin/sh", "/usr/bin/apt-get"], 100_000, 2 * MiB),
        FindingKind.NoHealthcheck => (Severity.Info, "The config declares no health check", ["config.Healthcheck"],
            0, 0),
        FindingKind.HiddenBytes => (Severity.Medium, "Files deleted by a later layer still travel with every pull",
            ["/tmp/build", "/var/lib/apt/lists", "/src/obj"], 2 * MiB, 80 * MiB),
        FindingKind.SecretLikeFiles => (Severity.High,
            "Files named like secrets are present (paths only; contents are never read)",
            ["/app/.env", "/root/.ssh/id_rsa", "/app/config/credentials.json"], 100, 4_000),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no synthetic shape"),
    };

    private static Recommendation? ScenarioFix(ScenarioRow scenario) => scenario switch
    {
        ScenarioRow.HighFrequencyMicroservice => new("Multi-stage build with a distroless runtime",
            EffortClass.Medium, [],
            "FROM build AS publish\nRUN make release\nFROM gcr.io/distroless/base-debian12\n"
            + "COPY --from=publish /out/ /app/"),
        ScenarioRow.DataHeavyMlPython => new("Slim Python base with a pip cache mount", EffortClass.Medium, [],
            "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt"),
        ScenarioRow.LegacyMonolith => new("Alpine base with runtime hardening", EffortClass.Large, [],
            "FROM alpine:3.20\nRUN adduser -D app\nUSER app"),
        ScenarioRow.CiConstrained => new("Export the build cache to the registry", EffortClass.Small, [],
            "docker buildx build --cache-to type=registry,ref=cache,mode=max --cache-from type=registry,ref=cache ."),
        _ => null,
    };

    private static Recommendation? KindFix(FindingKind kind) => kind switch
    {
        FindingKind.BuildContextBeforeDependencies => new("Copy dependency manifests before the sources",
            EffortClass.Small, [kind], "COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . ."),
        FindingKind.NoDockerignore => new("Add a .dockerignore", EffortClass.Small, [kind],
            ".git\nnode_modules\ntests/"),
        FindingKind.PackageManagerLeftovers => new("Clean package caches in the same step", EffortClass.Small,
            [kind], "RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
                    + "    && rm -rf /var/lib/apt/lists/*"),
        FindingKind.RunsAsRoot => new("Run as an unprivileged user", EffortClass.Small, [kind], "USER 10001"),
        FindingKind.UnpinnedBase => new("Pin the base image by digest", EffortClass.Small, [kind],
            "FROM debian:bookworm@sha256:<digest>"),
        _ => null,
    };
}
