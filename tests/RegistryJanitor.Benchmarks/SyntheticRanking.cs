using System.Collections;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// One synthetic ranking run over the tagged images of a <see cref="SyntheticInventory"/>, best savings first.
/// Items are built on demand from a <see cref="Random"/> seeded with the manifest number, so the run is the same
/// every time and is never held in memory as a whole (the report's peak working set is measured afterwards).
/// </summary>
/// <remarks>
/// A run ranks every tagged (even) manifest except those in its unranked set. In the previous month's run a third
/// of the images carry one more finding and another third a quarter more dead weight than in the current month's
/// (Progress: fixed); the figures are otherwise the same (open). Money uses the benchmark's generic pricing: 0.10
/// per GB-month stored, 0.09 per GB pulled.
/// </remarks>
internal sealed class SyntheticRanking : IReadOnlyList<RankedImage>
{
    private const int Seed = 20_260_210;
    private const long MiB = 1L << 20;
    private const decimal GiB = 1L << 30;
    private const decimal StoragePricePerGbMonth = 0.10m;
    private const decimal EgressPricePerGb = 0.09m;

    private static readonly string[] Assumptions =
    [
        "storage priced at 0.10 per GB-month (profile generic)",
        "egress priced at 0.09 per GB pulled from the internet",
        "each retained tag carries its own copy of the rebuilt layers",
    ];

    private readonly SyntheticInventory inventory;
    private readonly bool previousMonth;
    private readonly int[] manifestsByRank;

    public SyntheticRanking(SyntheticInventory inventory, bool previousMonth, IReadOnlySet<int> unranked)
    {
        this.inventory = inventory;
        this.previousMonth = previousMonth;
        var manifests = Enumerable.Range(0, inventory.Manifests)
            .Where(manifest => manifest % 2 == 0 && !unranked.Contains(manifest))
            .ToArray();
        var money = new decimal[inventory.Manifests];
        foreach (var manifest in manifests)
        {
            var image = Build(manifest, rank: 0);
            money[manifest] = image.Savings.MoneyPerMonth;
            FindingRows += image.Findings.Count;
            FixRows += image.Recommendations.Count(recommendation => recommendation.Snippet.Length > 0);
        }

        Array.Sort(manifests, (left, right) =>
            money[left] != money[right] ? money[right].CompareTo(money[left]) : left.CompareTo(right));
        manifestsByRank = manifests;
    }

    /// <summary>Ranked items: every one has a rank above 0, so each is a row of the Ranked sheet.</summary>
    public int Count => manifestsByRank.Length;

    /// <summary>Findings of all items, present and unknown: the rows of the Findings sheet.</summary>
    public long FindingRows { get; }

    /// <summary>Recommendations with a Dockerfile change: the rows of the Fixes sheet.</summary>
    public long FixRows { get; }

    public RankedImage this[int index] => Build(ManifestAt(index), index + 1);

    /// <summary>The inventory's manifest number of the item at <paramref name="index"/> (rank minus one).</summary>
    public int ManifestAt(int index) => manifestsByRank[index];

    public IEnumerator<RankedImage> GetEnumerator()
    {
        for (var index = 0; index < manifestsByRank.Length; index++)
        {
            yield return this[index];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Only even manifests are tagged, so with an even repository count only even repositories hold images:
    // halving the number first spreads the scenarios over those too.
    private static ScenarioRow ScenarioOf(int repository) => (repository / 2 % 10) switch
    {
        < 3 => ScenarioRow.HighFrequencyMicroservice,
        < 5 => ScenarioRow.DataHeavyMlPython,
        < 7 => ScenarioRow.LegacyMonolith,
        < 9 => ScenarioRow.CiConstrained,
        _ => ScenarioRow.AlreadyLean,
    };

    private static Ecosystem EcosystemOf(ScenarioRow scenario, int repository) =>
        scenario == ScenarioRow.DataHeavyMlPython
            ? Ecosystem.Python
            : (Ecosystem)(1 + (repository / 10 % 5));

    private RankedImage Build(int manifest, int rank)
    {
        // Every draw comes from this one generator in a fixed order, so an item is the same however often and in
        // whichever order the writer enumerates the run.
        var random = new Random(Seed ^ manifest);
        var repository = manifest % inventory.Repositories;
        var scenario = ScenarioOf(repository);
        var ecosystem = EcosystemOf(scenario, repository);
        var layersAnalysed = random.Next(8) != 0;
        var findings = SyntheticFindings.Draw(random, scenario, layersAnalysed);

        var layers = new List<LayerEvidence>(5);
        for (var layer = 0; layer < 5; layer++)
        {
            var size = scenario == ScenarioRow.AlreadyLean ? 2 * MiB : (20 * MiB) + random.NextInt64(300 * MiB);
            layers.Add(new LayerEvidence($"sha256:{manifest:x8}{layer:x56}", size, layer < 2));
        }

        var pulls = inventory.RepositoryOf(manifest).StartsWith("team1", StringComparison.Ordinal)
            ? new PullEstimate(90m, PullCountSource.ConfiguredAssumption, "team1*/**: 30 deploys x 3 replicas")
            : new PullEstimate(random.Next(400), PullCountSource.RegistryEvents, "registry pull events, 30 days");
        var evidence = new ImageEvidence
        {
            Registry = SyntheticInventory.RegistryName,
            Repository = inventory.RepositoryOf(manifest),
            Tag = SyntheticInventory.TagOf(manifest),
            Digest = SyntheticInventory.DigestOf(manifest),
            Kind = ManifestKind.Image,
            MediaType = "application/vnd.oci.image.manifest.v1+json",
            ConfigSizeBytes = 4_000 + random.Next(8_000),
            Layers = layers,
            Pulls = pulls,
            RetainedTagCount = 1 + random.Next(10),
        };
        var baseSwap = scenario is ScenarioRow.LegacyMonolith or ScenarioRow.HighFrequencyMicroservice
            ? (20 * MiB) + random.NextInt64(180 * MiB)
            : 0;

        // Last month's differences are drawn last, so every figure drawn before is the same in both months.
        var variant = manifest / 2 % 3;
        var extraKind = SyntheticFindings.KindAt(random.Next(SyntheticFindings.KindCount));
        if (previousMonth && variant == 0 && findings.TrueForAll(finding => finding.Kind != extraKind))
        {
            findings.Add(SyntheticFindings.Draw(random, extraKind, layersAnalysed));
        }

        var savings = Savings(evidence, findings, baseSwap, moreDeadWeight: previousMonth && variant == 1,
            layersAnalysed);
        var confidence = layersAnalysed ? Confidence.High : Confidence.Low;
        var classification = new Classification(scenario, confidence, Reasons(scenario),
            new EcosystemDetection(ecosystem, [$"{ecosystem} runtime in the config environment"], null, [], false),
            (OsFamily)(1 + (repository % 5)));
        var securityScore = findings.Sum(finding => finding.Status != FindingStatus.Present ? 0
            : finding.Kind switch
            {
                FindingKind.RunsAsRoot => 4,
                FindingKind.SecretLikeFiles => 2,
                FindingKind.ShellAndPackageManager => 1,
                _ => 0,
            });
        return new RankedImage(rank, evidence, classification, findings, savings,
            SyntheticFindings.Recommend(scenario, findings), securityScore);
    }

    private static SavingsEstimate Savings(ImageEvidence evidence, IReadOnlyList<Finding> findings, long baseSwap,
        bool moreDeadWeight, bool layersAnalysed)
    {
        var deadWeight = SyntheticFindings.BytesOf(findings, FindingKind.PackageManagerLeftovers)
                         + SyntheticFindings.BytesOf(findings, FindingKind.NoDockerignore);
        if (moreDeadWeight)
        {
            deadWeight += deadWeight / 4;
        }

        var hidden = SyntheticFindings.BytesOf(findings, FindingKind.HiddenBytes);
        var toolchain = SyntheticFindings.BytesOf(findings, FindingKind.ToolchainInRuntime);
        var removable = Math.Min(deadWeight + hidden + toolchain + baseSwap, evidence.LayerBytes);
        var storageSaved = removable * evidence.RetainedTagCount;
        var storageMoney = Math.Round(storageSaved / GiB * StoragePricePerGbMonth, 4);
        var egressMoney = Math.Round(evidence.Pulls.PullsPerMonth * removable / GiB * EgressPricePerGb, 4);
        var confidence = !layersAnalysed ? Confidence.Low
            : evidence.Pulls.Source == PullCountSource.ConfiguredAssumption ? Confidence.Medium
            : Confidence.High;
        return new SavingsEstimate(deadWeight, hidden, toolchain, baseSwap, removable, storageSaved, storageMoney,
            egressMoney, "generic", Assumptions, confidence);
    }

    private static string[] Reasons(ScenarioRow scenario) => scenario switch
    {
        ScenarioRow.HighFrequencyMicroservice => ["12 tags pushed per month (at least 4)", "service entrypoint"],
        ScenarioRow.DataHeavyMlPython => ["site-packages above 300 MiB", "ML libraries: numpy, torch"],
        ScenarioRow.LegacyMonolith => ["image above 500 MiB", "fewer than 4 tags pushed per month"],
        ScenarioRow.CiConstrained => ["BuildKit cache exports in the repository"],
        _ => ["removable bytes under 10 MiB"],
    };
}
