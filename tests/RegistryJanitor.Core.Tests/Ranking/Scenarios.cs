using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Layers.Packages;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Core.Tests.Ranking;

/// <summary>Evidence built to each scenario of the decision matrix.</summary>
internal static class Scenarios
{
    public const long MiB = 1L << 20;

    public static HistoryEntry Step(string createdBy, bool empty = false) => new(null, createdBy, null, empty);

    public static ImageConfigFacts Config(
        string? user = null,
        IReadOnlyList<string>? env = null,
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyList<HistoryEntry>? history = null,
        IReadOnlyList<string>? healthcheck = null) =>
        new(null, "linux", "amd64", null, user, env ?? [], labels ?? new Dictionary<string, string>(), healthcheck,
            [], history ?? [], []);

    public static ImageAnalysis Analysis(
        long uncompressed,
        long hidden = 0,
        IReadOnlyList<CategoryTotal>? categories = null,
        IReadOnlyList<PackageUsage>? packages = null,
        IReadOnlyList<SecretFinding>? secrets = null,
        IReadOnlyList<HiddenCopy>? largestHidden = null) => new()
    {
        UncompressedBytes = uncompressed,
        VisibleBytes = uncompressed - hidden,
        VisibleFileCount = 100,
        HiddenBytes = hidden,
        HiddenFileCount = hidden > 0 ? 1 : 0,
        LargestHidden = largestHidden ?? [],
        DiveEfficiency = 1,
        Categories = categories ?? [],
        Secrets = secrets ?? [],
        Packages = packages ?? [],
    };

    public static CategoryTotal Category(DeadWeightCategory category, params (string Path, long Size)[] files)
    {
        var total = new CategoryTotal(category);
        foreach (var (path, size) in files)
        {
            total.Add(path, size);
        }

        return total;
    }

    public static LayerEvidence[] Layers(params long[] sizes) =>
        [.. sizes.Select((size, index) => new LayerEvidence($"sha256:{index:x64}", size, false))];

    public static ImageEvidence Image(string repository, ImageConfigFacts? config, params long[] layerSizes) => new()
    {
        Registry = "local",
        Repository = repository,
        Tag = "v1",
        Digest = "sha256:" + new string('a', 64),
        Kind = ManifestKind.Image,
        MediaType = MediaTypes.OciManifest,
        Config = config,
        ConfigSizeBytes = 1000,
        Layers = Layers(layerSizes),
        Pulls = new PullEstimate(100m, PullCountSource.RegistryEvents, "events"),
        RetainedTagCount = 5,
    };

    /// <summary>A distroless, non-root, pinned, signed image with an SBOM and nothing removable.</summary>
    public static ImageEvidence Lean() => Image("lean", Config(
            user: "65532:65532",
            labels: new Dictionary<string, string>
            {
                [BaseImageAnnotations.BaseName] = "gcr.io/distroless/static-debian12",
                [BaseImageAnnotations.BaseDigest] = "sha256:" + new string('b', 64),
            },
            history: [Step("COPY /out/app /app # buildkit"), Step("ENTRYPOINT [\"/app\"]", empty: true)]),
        2 * MiB, 8 * MiB) with
    {
        Analysis = Analysis(10 * MiB),
        Referrers = new ReferrerEvidence(HasSignature: true, HasSbom: true, HasAttestation: true),
    };

    /// <summary>A Node service pushed 30 times a month, with every pitfall of the brief in it.</summary>
    public static ImageEvidence NodeWithEveryPitfall() => Image("shop/web", Config(
            user: null,
            env: ["PATH", "NODE_VERSION", "YARN_VERSION"],
            labels: new Dictionary<string, string> { [BaseImageAnnotations.BaseName] = "docker.io/library/node:22" },
            history:
            [
                Step("ADD file:abc in / "),
                Step("CMD [\"bash\"]", empty: true),
                Step("RUN /bin/sh -c apt-get update && apt-get install -y build-essential # buildkit"),
                Step("COPY . . # buildkit"),
                Step("RUN /bin/sh -c npm ci # buildkit"),
                Step("CMD [\"node\", \"server.js\"]", empty: true),
            ]),
        300 * MiB, 120 * MiB, 5 * MiB, 80 * MiB) with
    {
        MediaType = MediaTypes.DockerManifest,
        TagsPushedPerMonth = 30m,
        Analysis = Analysis(
            uncompressed: 1010 * MiB,
            hidden: 40 * MiB,
            categories:
            [
                Category(DeadWeightCategory.AptLists, ("var/lib/apt/lists/deb.debian.org_dists", 45 * MiB)),
                Category(DeadWeightCategory.VersionControl, ("app/.git/objects/pack/p.pack", 12 * MiB)),
                Category(DeadWeightCategory.LeakedBuildContext, ("app/.env", 100), ("app/tests/a.test.js", 2000)),
                Category(DeadWeightCategory.Toolchain, ("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 30 * MiB)),
            ],
            packages:
            [
                new PackageUsage("dpkg", "bash", "5.2", MiB, 10, false),
                new PackageUsage("dpkg", "libc6-dev", "2.36", 20 * MiB, 300, true),
                new PackageUsage("npm", "express", "4.19.2", MiB, 50, false),
            ],
            secrets: [new SecretFinding("app/.env", SecretKind.DotEnvCredentials, 3, true)],
            largestHidden: [new HiddenCopy("tmp/node-v22.tar.xz", 40 * MiB, 2, 3)]),
    };

    /// <summary>A Python image with torch and numpy installed, rarely pushed.</summary>
    public static ImageEvidence MachineLearning() => Image("ml/trainer", Config(
            user: "1000",
            env: ["PATH", "PYTHON_VERSION"],
            history: [Step("RUN /bin/sh -c pip install torch numpy # buildkit")]),
        900 * MiB, 1500 * MiB) with
    {
        TagsPushedPerMonth = 2m,
        Analysis = Analysis(
            uncompressed: 4000 * MiB,
            categories: [Category(DeadWeightCategory.PipCache, ("root/.cache/pip/http/a", 200 * MiB))],
            packages:
            [
                new PackageUsage("python", "torch", "2.4.0", 2000 * MiB, 1000, false),
                new PackageUsage("python", "numpy", "2.0.0", 60 * MiB, 100, false),
            ]),
    };

    /// <summary>A large, rarely pushed image of no recognisable ecosystem.</summary>
    public static ImageEvidence Monolith() => Image("legacy/erp", Config(user: "app"), 700 * MiB, 100 * MiB) with
    {
        TagsPushedPerMonth = 0.5m,
        Analysis = Analysis(uncompressed: 2000 * MiB),
    };

    /// <summary>A Go image whose repository holds BuildKit cache exports.</summary>
    public static ImageEvidence CiBuilt() => Image("ci/builder", Config(
            user: "1000",
            env: ["GOLANG_VERSION", "GOPATH"],
            history: [Step("RUN /bin/sh -c go build -o /app . # buildkit")]),
        250 * MiB) with
    {
        TagsPushedPerMonth = 3m,
        BuildCacheArtifacts = 2,
        Analysis = Analysis(uncompressed: 600 * MiB),
    };

    public static PricingContext Pricing(decimal storagePerGbMonth = 0.10m, decimal egressPerGb = 0.09m) =>
        new("test-profile",
            new PricingProfileOptions
            {
                Source = "test",
                StoragePricePerGbMonth = storagePerGbMonth,
                EgressSameRegionPerGb = egressPerGb,
            },
            new RegistryCostOptions(),
            30);
}
