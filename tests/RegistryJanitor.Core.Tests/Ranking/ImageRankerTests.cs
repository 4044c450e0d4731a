using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Ranking;
using Xunit;

namespace RegistryJanitor.Core.Tests.Ranking;

public sealed class ImageRankerTests
{
    private const long LayerBytes = 500 * Scenarios.MiB;

    private static readonly RankingOptions Options = new();

    [Fact]
    public void Rank_ImagesWithDeadWeight_OrderEqualsHandComputedSavings()
    {
        var pricing = Scenarios.Pricing(storagePerGbMonth: 0.10m, egressPerGb: 0.09m);
        (string Name, long DeadWeight, long Hidden, decimal Pulls, int Retained)[] inputs =
        [
            ("a", 10 * Scenarios.MiB, 0, 1000m, 3),
            ("b", 200 * Scenarios.MiB, 50 * Scenarios.MiB, 10m, 20),
            ("c", 30 * Scenarios.MiB, 5 * Scenarios.MiB, 5000m, 2),
            ("d", 120 * Scenarios.MiB, 0, 0m, 40),
        ];
        var expected = inputs
            .Select(input => (input.Name, Money: HandComputedMoney(input.DeadWeight + input.Hidden, input.Pulls,
                input.Retained, 0.10m, 0.09m)))
            .OrderByDescending(item => item.Money)
            .ToList();

        var ranked = ImageRanker.Rank(
            inputs.Select(input => Candidate(input.Name, input.DeadWeight, input.Hidden, input.Pulls, input.Retained)),
            Options,
            _ => pricing);

        Assert.Equal(expected.Select(item => item.Name), ranked.Select(item => item.Evidence.Repository));
        Assert.Equal(expected.Select(item => item.Money), ranked.Select(item => item.Savings.MoneyPerMonth));
        Assert.Equal([1, 2, 3, 4], ranked.Select(item => item.Rank));
    }

    [Fact]
    public void Rank_ChangedPrice_ChangesMoneyButNotBytes()
    {
        var evidence = Candidate("a", 100 * Scenarios.MiB, 10 * Scenarios.MiB, 300m, 4);

        var cheap = ImageRanker.Assess(evidence, Options, Scenarios.Pricing(0.10m, 0.09m)).Savings;
        var dear = ImageRanker.Assess(evidence, Options, Scenarios.Pricing(0.20m, 0.12m)).Savings;

        Assert.Equal(
            (cheap.RemovableBytes, cheap.StorageBytesSaved, cheap.DeadWeightBytes, cheap.HiddenBytes),
            (dear.RemovableBytes, dear.StorageBytesSaved, dear.DeadWeightBytes, dear.HiddenBytes));
        Assert.Equal(HandComputedMoney(110 * Scenarios.MiB, 300m, 4, 0.20m, 0.12m), dear.MoneyPerMonth);
        Assert.NotEqual(cheap.MoneyPerMonth, dear.MoneyPerMonth);
    }

    [Fact]
    public void Rank_EqualSavings_RootImageRanksFirst()
    {
        var nonRoot = Candidate("a-nonroot", 50 * Scenarios.MiB, 0, 100m, 2);
        var root = Candidate("z-root", 50 * Scenarios.MiB, 0, 100m, 2);
        root = root with { Config = root.Config! with { User = "root" } };

        var ranked = ImageRanker.Rank([nonRoot, root], Options, _ => Scenarios.Pricing());

        Assert.Equal(ranked[0].Savings.MoneyPerMonth, ranked[1].Savings.MoneyPerMonth);
        Assert.Equal(["z-root", "a-nonroot"], ranked.Select(item => item.Evidence.Repository));
    }

    [Fact]
    public void Rank_EqualSavings_SecretLikeFilesRankBeforeNone()
    {
        var plain = Candidate("a-plain", 50 * Scenarios.MiB, 0, 100m, 2);
        var secret = WithSecret(Candidate("z-secret", 50 * Scenarios.MiB, 0, 100m, 2));

        var ranked = ImageRanker.Rank([plain, secret], Options, _ => Scenarios.Pricing());

        var money = HandComputedMoney(50 * Scenarios.MiB, 100m, 2, 0.10m, 0.09m);
        Assert.Equal([money, money], ranked.Select(item => item.Savings.MoneyPerMonth));
        Assert.Equal(["z-secret", "a-plain"], ranked.Select(item => item.Evidence.Repository));
    }

    [Fact]
    public void Rank_EqualSavings_ShellInRuntimeRanksBeforeNone()
    {
        var plain = Candidate("a-plain", 50 * Scenarios.MiB, 0, 100m, 2);
        var shell = WithShell(Candidate("z-shell", 50 * Scenarios.MiB, 0, 100m, 2));

        var ranked = ImageRanker.Rank([plain, shell], Options, _ => Scenarios.Pricing());

        var money = HandComputedMoney(50 * Scenarios.MiB, 100m, 2, 0.10m, 0.09m);
        Assert.Equal([money, money], ranked.Select(item => item.Savings.MoneyPerMonth));
        Assert.Equal(["z-shell", "a-plain"], ranked.Select(item => item.Evidence.Repository));
    }

    [Fact]
    public void Rank_EqualSavings_RootBeforeSecretsBeforeShells()
    {
        // Names sort against the expected order, so only the security tie-break can produce it: root alone
        // outweighs secret-like files and a shell together, and secret-like files outweigh a shell.
        var shell = WithShell(Candidate("a-shell", 50 * Scenarios.MiB, 0, 100m, 2));
        var secret = WithSecret(Candidate("b-secret", 50 * Scenarios.MiB, 0, 100m, 2));
        var both = WithShell(WithSecret(Candidate("c-secret-and-shell", 50 * Scenarios.MiB, 0, 100m, 2)));
        var root = Candidate("d-root", 50 * Scenarios.MiB, 0, 100m, 2);
        root = root with { Config = root.Config! with { User = "0" } };

        var ranked = ImageRanker.Rank([shell, secret, both, root], Options, _ => Scenarios.Pricing());

        Assert.Single(ranked.Select(item => item.Savings.MoneyPerMonth).Distinct());
        Assert.Equal(
            ["d-root", "c-secret-and-shell", "b-secret", "a-shell"],
            ranked.Select(item => item.Evidence.Repository));
        FindingKind[][] security =
        [
            [FindingKind.RunsAsRoot],
            [FindingKind.ShellAndPackageManager, FindingKind.SecretLikeFiles],
            [FindingKind.SecretLikeFiles],
            [FindingKind.ShellAndPackageManager],
        ];
        Assert.Equal(security, ranked.Select(item => item.Findings
            .Where(finding => finding.Status == FindingStatus.Present && finding.Kind is FindingKind.RunsAsRoot
                or FindingKind.SecretLikeFiles or FindingKind.ShellAndPackageManager)
            .Select(finding => finding.Kind)
            .ToArray()));
    }

    [Fact]
    public void Rank_Artifacts_ComeLastWithRankZero()
    {
        var signature = Scenarios.Image("sig", null, 500) with { Kind = Core.Manifests.ManifestKind.Signature };

        var ranked = ImageRanker.Rank([signature, Candidate("a", Scenarios.MiB, 0, 1m, 1)], Options,
            _ => Scenarios.Pricing());

        Assert.Equal(("a", 1), (ranked[0].Evidence.Repository, ranked[0].Rank));
        Assert.Equal(("sig", 0), (ranked[1].Evidence.Repository, ranked[1].Rank));
    }

    [Fact]
    public void Estimate_NodeOnFullBase_CountsBaseSwapAgainstReferenceSize()
    {
        var evidence = Scenarios.NodeWithEveryPitfall();

        var savings = ImageRanker.Assess(evidence, Options, Scenarios.Pricing()).Savings;

        // History shows one base layer (before the base's CMD); distroless Node replaces it at the reference size.
        Assert.Equal(evidence.Layers[0].SizeBytes - Options.DistrolessNodeBytes, savings.BaseSwapBytes);
        Assert.Contains(savings.Assumptions, text => text.Contains("from history", StringComparison.Ordinal));
        Assert.Equal(Confidence.High, savings.Confidence);
    }

    /// <summary>Storage across retained tags plus egress for the pulls, priced per binary GB.</summary>
    private static decimal HandComputedMoney(
        long removable, decimal pulls, int retained, decimal storagePerGb, decimal egressPerGb)
    {
        const decimal gb = 1L << 30;
        return (removable * retained / gb * storagePerGb) + (pulls * removable / gb * egressPerGb);
    }

    /// <summary>The same image with a private key in its second layer (a secret-like file, no extra bytes).</summary>
    private static Core.Ranking.ImageEvidence WithSecret(Core.Ranking.ImageEvidence image) => image with
    {
        Analysis = image.Analysis! with
        {
            Secrets = [new SecretFinding("app/deploy_key", SecretKind.PrivateKey, 1, true)],
        },
    };

    /// <summary>The same image with a visible shell binary in its final filesystem.</summary>
    private static Core.Ranking.ImageEvidence WithShell(Core.Ranking.ImageEvidence image) => image with
    {
        Files = RuntimeFiles.Empty with { Shells = ["bin/sh"] },
    };

    /// <summary>A pinned distroless non-root image whose layers compress 1:1, so no base swap and no scaling.</summary>
    private static Core.Ranking.ImageEvidence Candidate(
        string name, long deadWeight, long hidden, decimal pulls, int retained) =>
        Scenarios.Lean() with
        {
            Repository = name,
            Layers = Scenarios.Layers(LayerBytes),
            Pulls = new PullEstimate(pulls, PullCountSource.ProviderMetric, "metric"),
            RetainedTagCount = retained,
            Analysis = Scenarios.Analysis(
                LayerBytes,
                hidden,
                categories: [Scenarios.Category(DeadWeightCategory.AptLists, ("var/lib/apt/lists/x", deadWeight))]),
        };
}
