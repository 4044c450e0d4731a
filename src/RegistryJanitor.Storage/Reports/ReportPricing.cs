using RegistryJanitor.Core.Costs;
using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.Storage.Reports;

/// <summary>
/// Turns the pricing options the cost job uses into the workbook's price cells (per GiB, 2^30 bytes) and the
/// other assumptions behind the figures.
/// </summary>
public static class ReportPricing
{
    private const double GiB = 1024d * 1024d * 1024d;

    /// <summary>The prices of <paramref name="registry"/> for a month of <paramref name="daysInMonth"/> days.</summary>
    public static RegistryPricing For(PricingOptions pricing, string registry, int daysInMonth)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        var (name, profile) = pricing.ProfileFor(registry);
        var options = pricing.ForRegistry(registry);
        var unitsPerGiB = GiB / profile.BillingUnitBytes;
        var storagePerUnit = (double)(profile.StoragePricePerGbMonth + (profile.StoragePricePerGbDay * daysInMonth));
        var egressPerUnit = Enum.GetValues<PullSource>()
            .Sum(source => (double)(options.Share(source) * profile.EgressPricePerGb(source)));
        return new RegistryPricing
        {
            Registry = registry,
            PricingProfile = name,
            StoragePricePerGiBMonth = storagePerUnit * unitsPerGiB,
            IncludedStorageGiB = (double)profile.IncludedStorageGb / unitsPerGiB,
            DailyFee = (double)profile.DailyFee,
            EgressPricePerGiB = egressPerUnit * unitsPerGiB,
            PullLocation = PullLocation(options),
            Source = profile.Source,
        };
    }

    /// <summary>The assumptions other than prices: deduplication scope, pull mix and bytes, pull assumptions.</summary>
    public static IReadOnlyList<AssumptionRow> Assumptions(PricingOptions pricing, IEnumerable<string> registries)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        ArgumentNullException.ThrowIfNull(registries);
        var rows = new List<AssumptionRow>
        {
            new()
            {
                Category = "Units", Name = "Report unit", NumericValue = GiB, Unit = "bytes per GiB",
                Source = "product definition: reports show GiB (2^30 bytes)",
            },
        };

        foreach (var registry in registries)
        {
            var options = pricing.ForRegistry(registry);
            var (name, profile) = pricing.ProfileFor(registry);
            rows.Add(Text("Sharing", $"{registry}: deduplication scope", options.DedupScope.ToString(), "Pricing"));
            rows.Add(Text("Pulls", $"{registry}: bytes per pull", options.PullBytes.ToString(), "Pricing"));
            rows.Add(Text("Pricing profile", $"{registry}: profile", $"{name} ({profile.Kind})", profile.Source));
            rows.Add(new AssumptionRow
            {
                Category = "Pricing profile", Name = $"{registry}: billing unit",
                NumericValue = profile.BillingUnitBytes, Unit = "bytes", Source = profile.Source,
            });
            foreach (var source in Enum.GetValues<PullSource>())
            {
                rows.Add(new AssumptionRow
                {
                    Category = "Pulls", Name = $"{registry}: share of pulls {source}",
                    NumericValue = (double)options.Share(source), Unit = "fraction", Source = "Pricing:Registries",
                });
            }
        }

        foreach (var assumption in pricing.PullAssumptions)
        {
            rows.Add(new AssumptionRow
            {
                Category = "Pulls", Name = $"Pulls per month of {assumption.Pattern}",
                NumericValue = (double)assumption.DeploysPerMonth * assumption.Replicas,
                Unit = $"pulls ({assumption.DeploysPerMonth} deploys x {assumption.Replicas} replicas)",
                Source = "Pricing:PullAssumptions",
            });
        }

        return rows;
    }

    private static AssumptionRow Text(string category, string name, string value, string source) => new()
    {
        Category = category, Name = name, TextValue = value, Unit = "text", Source = source,
    };

    private static string PullLocation(RegistryCostOptions options)
    {
        var used = Enum.GetValues<PullSource>().Where(source => options.Share(source) > 0m).ToList();
        return used.Count == 1 ? Name(used[0]) : "mixed: " + string.Join(", ",
            used.Select(source => $"{options.Share(source):P0} {Name(source)}"));
    }

    private static string Name(PullSource source) => source switch
    {
        PullSource.SameRegion => "same-region",
        PullSource.CrossRegion => "cross-region",
        _ => "internet",
    };
}
