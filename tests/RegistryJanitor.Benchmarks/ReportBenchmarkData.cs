using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.Benchmarks;

/// <summary>Synthetic report input of a given size: 3 registries, 20 images per repository, 50 teams.</summary>
internal static class ReportBenchmarkData
{
    private const int ImagesPerRepository = 20;
    private const int Teams = 50;
    private static readonly string[] Registries = ["acr-prod", "ecr-shared", "registry.internal"];
    private static readonly DateOnly Month = new(2026, 11, 1);

    public static CostReportData Costs(int imageCount)
    {
        var random = new Random(42);
        var images = new List<ImageCostRow>(imageCount);
        for (var i = 0; i < imageCount; i++)
        {
            var repository = i / ImagesPerRepository;
            var amortized = random.NextInt64(1_000_000, 2_000_000_000);
            images.Add(new ImageCostRow
            {
                Registry = Registries[repository % Registries.Length],
                Repository = $"team-{repository % Teams}/service-{repository}",
                Tag = $"1.{i % ImagesPerRepository}.{i}",
                Digest = "sha256:" + random.NextInt64().ToString("x16") + random.NextInt64().ToString("x16")
                    + random.NextInt64().ToString("x16") + random.NextInt64().ToString("x16"),
                MediaType = "application/vnd.oci.image.manifest.v1+json",
                PushedAt = new DateTime(2026, 10, 1 + (i % 28), 0, 0, 0, DateTimeKind.Utc),
                PushedSource = "config created",
                LastPulledAt = i % 3 == 0 ? null : new DateTime(2026, 11, 1 + (i % 28), 0, 0, 0, DateTimeKind.Utc),
                ImageBytes = amortized * 2,
                ExclusiveBytes = amortized / 3,
                AmortizedBytes = amortized,
                Pulls = random.Next(0, 10_000),
                EgressBytes = random.NextInt64(0, 500_000_000_000),
                PullSource = "registry events",
            });
        }

        var repositories = images.GroupBy(i => (i.Registry, i.Repository)).Select(g => new RepositoryCostRow
        {
            Registry = g.Key.Registry,
            Repository = g.Key.Repository,
            Team = g.Key.Repository.Split('/')[0],
            Tags = g.Count(),
            Manifests = g.Count(),
            LogicalBytes = g.Sum(i => i.ImageBytes),
            StoredBytes = g.Sum(i => i.AmortizedBytes),
            Pulls = g.Sum(i => i.Pulls),
            EgressBytes = g.Sum(i => i.EgressBytes),
            PullSource = "registry events",
        }).ToList();

        return new CostReportData
        {
            Month = Month,
            MonthToDate = false,
            GeneratedAt = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero),
            Currency = "USD",
            BilledDays = 30,
            PreviousMonth = null,
            History = [],
            Pricing = [.. Registries.Select(r => new RegistryPricing
            {
                Registry = r,
                PricingProfile = "generic",
                StoragePricePerGiBMonth = 0.1,
                IncludedStorageGiB = 100,
                DailyFee = 0.5,
                EgressPricePerGiB = 0.09,
                PullLocation = "internet",
                Source = "benchmark",
            })],
            Assumptions = [],
            Registries = [.. repositories.GroupBy(r => r.Registry).Select(g => new RegistryCostRow
            {
                Registry = g.Key,
                Provider = "distribution",
                Repositories = g.Count(),
                Tags = g.Sum(r => r.Tags),
                Manifests = g.Sum(r => r.Manifests),
                LogicalBytes = g.Sum(r => r.LogicalBytes),
                StoredBytes = g.Sum(r => r.StoredBytes),
                Pulls = g.Sum(r => r.Pulls),
                EgressBytes = g.Sum(r => r.EgressBytes),
                PullSource = "registry events",
            })],
            Teams = [.. repositories.GroupBy(r => r.Team).Select(g => new TeamCostRow
            {
                Team = g.Key,
                AllocationRule = "prefix",
                Repositories = g.Count(),
                Tags = g.Sum(r => r.Tags),
                LogicalBytes = g.Sum(r => r.LogicalBytes),
                StoredBytes = g.Sum(r => r.StoredBytes),
                Pulls = g.Sum(r => r.Pulls),
                EgressBytes = g.Sum(r => r.EgressBytes),
            })],
            Repositories = repositories,
            Images = images,
            SharedLayers = [.. images.Take(1000).Select((i, n) => new SharedLayerRow
            {
                Registry = i.Registry,
                Digest = i.Digest,
                SizeBytes = i.AmortizedBytes,
                ReferencingManifests = 1000 - n,
                ReferencingRepositories = 100,
                BaseFamily = "debian-12",
            })],
            DeadWeight = [.. images.Where((_, n) => n % 10 == 0).Select(i => new DeadWeightRow
            {
                Kind = "stale",
                Registry = i.Registry,
                Repository = i.Repository,
                Tag = i.Tag,
                Digest = i.Digest,
                FreedBytes = i.ExclusiveBytes,
                AgeDays = 120,
            })],
        };
    }

    public static OptimizationReportData Optimization(CostReportData costs)
    {
        var ranked = costs.Repositories.Select((r, n) => new RankedItemRow
        {
            Rank = n + 1,
            Registry = r.Registry,
            Repository = r.Repository,
            Tag = "latest",
            Digest = costs.Images[n * ImagesPerRepository % costs.Images.Count].Digest,
            Scenario = "high-frequency microservice",
            RecommendedApproach = "multi-stage build, distroless runtime, BuildKit cache",
            SavingsBytes = r.StoredBytes / 3,
            SavingsPerMonth = 1000.0 / (n + 1),
            Effort = "medium",
            Confidence = 0.7,
            TopFindings = "runs as root; package-manager leftovers; no .dockerignore",
        }).ToList();

        return new OptimizationReportData
        {
            Month = costs.Month,
            MonthToDate = false,
            GeneratedAt = costs.GeneratedAt,
            Currency = costs.Currency,
            Ranked = ranked,
            Findings = [.. ranked.SelectMany(r => Enumerable.Range(0, 4).Select(k => new FindingRow
            {
                Registry = r.Registry,
                Repository = r.Repository,
                Tag = r.Tag,
                Digest = r.Digest,
                Finding = "Package-manager leftovers",
                Severity = "medium",
                Bytes = 10_000_000L * (k + 1),
                Evidence = "/var/lib/apt/lists in layer 3 (history step 4)",
            }))],
            DecisionMatrix = [],
            Retention = [.. costs.Registries.SelectMany(r => Enumerable.Range(0, 4).Select(k => new RetentionPolicyRow
            {
                Policy = $"policy-{k}",
                Description = "Tags: keep the 10 newest per repository, delete the rest. Untagged manifests: kept.",
                Registry = r.Registry,
                ManifestsDeleted = r.Manifests / (k + 2),
                TagsDeleted = r.Tags / (k + 2),
                FreedBytes = r.StoredBytes / (k + 3),
                MonthlySaving = r.StoredBytes / (k + 3) / 1073741824d * 0.1,
            }))],
            Fixes = [.. ranked.Select(r => new FixRow
            {
                Rank = r.Rank,
                Registry = r.Registry,
                Repository = r.Repository,
                Tag = r.Tag,
                Recommendation = r.RecommendedApproach,
                Ecosystem = "node",
                DockerfileChange = "FROM node:22 AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22\nUSER 65532",
            })],
            Progress = [],
        };
    }
}
