using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>Builds report input with hostile names, several registries and pricing profiles, from a seed.</summary>
internal static class ReportSampleData
{
    public const string FormulaName = "=cmd|' /C calc'!A0";
    public const string PlusName = "+1+1";
    public const string AtName = "@SUM(1)";

    public static readonly DateOnly Month = new(2026, 11, 1);

    private static readonly string[] DeadWeightKinds = ["untagged", "stale", "build-cache", "orphaned-referrer"];

    public static readonly string[] HostileNames = [FormulaName, PlusName, AtName, "-2+3", "\tTabbed", "\rReturn"];

    public static CostReportData Costs(int images = 40, int seed = 7)
    {
        var random = new Random(seed);
        RegistryPricing[] pricing =
        [
            new()
            {
                Registry = "acr-prod",
                PricingProfile = "acr-standard",
                StoragePricePerGiBMonth = 0.1,
                IncludedStorageGiB = 100,
                DailyFee = 0.667,
                EgressPricePerGiB = 0.087,
                PullLocation = "internet",
                Source = "Azure pricing page, 2026-10-01",
            },
            new()
            {
                Registry = "ecr-shared",
                PricingProfile = "ecr",
                StoragePricePerGiBMonth = 0.1,
                IncludedStorageGiB = 0,
                DailyFee = 0,
                EgressPricePerGiB = 0.02,
                PullLocation = "cross-region",
                Source = "AWS pricing page, 2026-10-01",
            },
            new()
            {
                Registry = FormulaName,
                PricingProfile = "generic",
                StoragePricePerGiBMonth = 0.05,
                IncludedStorageGiB = 0,
                DailyFee = 0,
                EgressPricePerGiB = 0,
                PullLocation = "same-region",
                Source = "configuration override",
            },
        ];

        string[] teams = ["payments", PlusName, "unallocated"];
        var repositories = new List<RepositoryCostRow>();
        var imageRows = new List<ImageCostRow>();
        for (var i = 0; i < images; i++)
        {
            var registry = pricing[i % pricing.Length].Registry;
            var repository = i % 5 == 0 ? FormulaName : $"team{i % 4}/service-{i % 9}";
            var amortized = (long)random.Next(1_000_000, 900_000_000);
            imageRows.Add(new ImageCostRow
            {
                Registry = registry,
                Repository = repository,
                Tag = i % 7 == 0 ? AtName : i % 11 == 0 ? "-latest" : $"v1.{i}",
                Digest = "sha256:" + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + i,
                MediaType = "application/vnd.oci.image.manifest.v1+json",
                PushedAt = new DateTime(2026, 10, 1 + (i % 28), 8, 0, 0, DateTimeKind.Utc),
                ImageBytes = amortized * 3,
                ExclusiveBytes = amortized / 2,
                AmortizedBytes = amortized,
                Pulls = random.Next(0, 5000),
                EgressBytes = (long)random.Next(0, int.MaxValue) * 4,
                PullSource = i % 2 == 0 ? "registry events" : "configured assumption",
            });
        }

        foreach (var group in imageRows.GroupBy(r => (r.Registry, r.Repository)))
        {
            repositories.Add(new RepositoryCostRow
            {
                Registry = group.Key.Registry,
                Repository = group.Key.Repository,
                Team = teams[Math.Abs(group.Key.Repository.Length + group.Key.Registry.Length) % teams.Length],
                Tags = group.Count(),
                Manifests = group.Count() + 1,
                LogicalBytes = group.Sum(r => r.ImageBytes),
                StoredBytes = group.Sum(r => r.AmortizedBytes) + 12_345,
                Pulls = group.Sum(r => r.Pulls),
                EgressBytes = group.Sum(r => r.EgressBytes),
                PullSource = "registry events",
            });
        }

        var registries = pricing.Select(p =>
        {
            var repos = repositories.Where(r => r.Registry == p.Registry).ToList();
            return new RegistryCostRow
            {
                Registry = p.Registry,
                Provider = p.PricingProfile.StartsWith("acr", StringComparison.Ordinal) ? "acr" : "distribution",
                Repositories = repos.Count,
                Tags = repos.Sum(r => r.Tags),
                Manifests = repos.Sum(r => r.Manifests),
                LogicalBytes = repos.Sum(r => r.LogicalBytes),
                StoredBytes = repos.Sum(r => r.StoredBytes) + 250L * 1024 * 1024 * 1024,
                Pulls = repos.Sum(r => r.Pulls),
                EgressBytes = repos.Sum(r => r.EgressBytes),
                PullSource = "registry events",
            };
        }).ToList();

        var teamRows = teams.Select(t =>
        {
            var repos = repositories.Where(r => r.Team == t).ToList();
            return new TeamCostRow
            {
                Team = t,
                AllocationRule = t == "unallocated" ? "unallocated" : "label team",
                Repositories = repos.Count,
                Tags = repos.Sum(r => r.Tags),
                LogicalBytes = repos.Sum(r => r.LogicalBytes),
                StoredBytes = repos.Sum(r => r.StoredBytes) - 1000,
                Pulls = repos.Sum(r => r.Pulls),
                EgressBytes = repos.Sum(r => r.EgressBytes),
            };
        }).ToList();

        var history = Enumerable.Range(1, 13).Select(back => new CostMonthTotals
        {
            Month = Month.AddMonths(-back),
            LogicalBytes = 1_000_000_000_000L - (back * 10_000_000_000L),
            StoredBytes = 400_000_000_000L - (back * 5_000_000_000L),
            Pulls = 100_000 - back,
            EgressBytes = 90_000_000_000L + back,
            StorageCost = 40.5 - back,
            EgressCost = 12.25 + back,
        }).ToList();

        return new CostReportData
        {
            Month = Month,
            MonthToDate = false,
            GeneratedAt = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero),
            Currency = "USD",
            BilledDays = 30,
            PreviousMonth = history[0],
            History = history,
            Pricing = pricing,
            Assumptions =
            [
                new()
                {
                    Category = "Pulls",
                    Name = AtName,
                    NumericValue = 12,
                    Unit = "deploys per month",
                    Source = "configured pattern " + PlusName,
                },
                new()
                {
                    Category = "Sharing",
                    Name = "Deduplication scope",
                    TextValue = "registry",
                    Unit = "scope",
                    Source = "setting",
                },
            ],
            Registries = registries,
            Teams = teamRows,
            Repositories = repositories,
            Images = imageRows,
            SharedLayers =
            [
                .. Enumerable.Range(0, 12).Select(i => new SharedLayerRow
                {
                    Registry = pricing[i % pricing.Length].Registry,
                    Digest = $"sha256:{i:x64}",
                    SizeBytes = 50_000_000L * (i + 1),
                    ReferencingManifests = 40 - i,
                    ReferencingRepositories = 10 - (i % 5),
                    BaseFamily = i % 3 == 0 ? AtName : "debian-12",
                    MediaType = "application/vnd.oci.image.layer.v1.tar+gzip",
                }),
            ],
            DeadWeight =
            [
                .. Enumerable.Range(0, 9).Select(i => new DeadWeightRow
                {
                    Kind = DeadWeightKinds[i % 4],
                    Registry = pricing[i % pricing.Length].Registry,
                    Repository = i % 2 == 0 ? FormulaName : "team1/service-1",
                    Tag = i % 4 == 0 ? null : PlusName,
                    Digest = $"sha256:{i + 100:x64}",
                    FreedBytes = 123_456_789L * (i + 1),
                    AgeDays = 30 + i,
                    Detail = i % 3 == 0 ? "-rf leftover" : "no pulls in 90 days",
                }),
            ],
        };
    }
}
