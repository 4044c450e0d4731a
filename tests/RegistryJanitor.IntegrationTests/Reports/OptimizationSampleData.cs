using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>Builds optimization report input with hostile strings in every text column, from a seed.</summary>
internal static class OptimizationSampleData
{
    public static OptimizationReportData Create(int ranked = 25, int seed = 11)
    {
        var random = new Random(seed);
        string[] scenarios =
        [
            "high-frequency microservice", "data-heavy ML/Python", "legacy monolith", "CI-constrained", "already lean",
        ];
        string[] severities = ["low", "medium", "high", "critical"];
        var rankedRows = Enumerable.Range(1, ranked).Select(rank => new RankedItemRow
        {
            Rank = rank,
            Registry = rank % 3 == 0 ? ReportSampleData.FormulaName : "acr-prod",
            Repository = rank % 4 == 0 ? ReportSampleData.PlusName : $"team{rank % 3}/api-{rank}",
            Tag = rank % 5 == 0 ? ReportSampleData.AtName : $"2026.{rank}",
            Digest = $"sha256:{rank:x64}",
            Scenario = scenarios[rank % scenarios.Length],
            RecommendedApproach = rank % 2 == 0 ? "multi-stage build, distroless runtime" : "=HYPERLINK(\"x\")",
            SavingsBytes = 900_000_000L - (rank * 1_000_000L),
            SavingsPerMonth = 500.0 / rank,
            Effort = rank % 3 == 0 ? "high" : "low",
            Confidence = random.Next(30, 100) / 100.0,
            TopFindings = "runs as root; apt lists",
            Reasons = "-node_modules in runtime layer",
        }).ToList();

        return new OptimizationReportData
        {
            Month = ReportSampleData.Month,
            MonthToDate = true,
            GeneratedAt = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero),
            Currency = "EUR",
            Ranked = rankedRows,
            Findings =
            [
                .. Enumerable.Range(0, ranked * 2).Select(i => new FindingRow
                {
                    Registry = "acr-prod",
                    Repository = i % 6 == 0 ? ReportSampleData.FormulaName : $"team{i % 3}/api-{i}",
                    Tag = $"2026.{i}",
                    Digest = $"sha256:{i:x64}",
                    Finding = i % 2 == 0 ? "Runs as root" : "Package-manager leftovers",
                    Severity = severities[i % severities.Length],
                    Bytes = i % 2 == 0 ? null : 1_000_000L * i,
                    Evidence = i % 4 == 0 ? "@/var/lib/apt/lists (layer 3)" : "config User empty",
                }),
            ],
            DecisionMatrix =
            [
                .. scenarios.Select((s, i) => new DecisionMatrixRow
                {
                    Scenario = s,
                    RecommendedApproach = "multi-stage build",
                    Why = "fastest pulls",
                    ClaimedImpact = "-60 to -80 % egress",
                    Images = rankedRows.Count(r => r.Scenario == s),
                    SavingsBytes = rankedRows.Where(r => r.Scenario == s).Sum(r => r.SavingsBytes),
                    SavingsPerMonth = rankedRows.Where(r => r.Scenario == s).Sum(r => r.SavingsPerMonth) + i,
                }),
            ],
            Retention =
            [
                new()
                {
                    Policy = "keep-last-10",
                    Description = "keep the last 10 tags per repository",
                    Registry = "acr-prod",
                    ManifestsDeleted = 120,
                    TagsDeleted = 118,
                    FreedBytes = 88_000_000_000L,
                    MonthlySaving = 8.2,
                },
                new()
                {
                    Policy = ReportSampleData.PlusName,
                    Description = "=expire untagged after 7 days",
                    Registry = ReportSampleData.FormulaName,
                    ManifestsDeleted = 40,
                    TagsDeleted = 0,
                    FreedBytes = 9_000_000_000L,
                    MonthlySaving = 0.84,
                },
            ],
            Fixes =
            [
                .. rankedRows.Take(5).Select(r => new FixRow
                {
                    Rank = r.Rank,
                    Registry = r.Registry,
                    Repository = r.Repository,
                    Tag = r.Tag,
                    Recommendation = r.RecommendedApproach,
                    Ecosystem = "node",
                    DockerfileChange = "FROM node:22 AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22\nUSER 65532",
                }),
            ],
            Progress =
            [
                .. Enumerable.Range(1, 6).Select(i => new ProgressItemRow
                {
                    PreviousRank = i,
                    Registry = "acr-prod",
                    Repository = i == 2 ? ReportSampleData.AtName : $"team1/api-{i}",
                    Tag = $"2026.{i}",
                    Digest = $"sha256:{i + 500:x64}",
                    SavingsPerMonthThen = 100.0 / i,
                    Status = i % 2 == 0 ? "fixed" : "open",
                    Detail = i % 2 == 0 ? "image shrank by 80 %" : null,
                }),
            ],
        };
    }
}
