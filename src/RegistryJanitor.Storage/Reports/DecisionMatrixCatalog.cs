namespace RegistryJanitor.Storage.Reports;

/// <summary>The rows of the decision matrix in the words the workbook shows, keyed by stored scenario name.</summary>
public static class DecisionMatrixCatalog
{
    /// <summary>Scenario name, approach, why, claimed impact, in the matrix order.</summary>
    public static IReadOnlyList<(string Scenario, string Approach, string Why, string Impact)> Rows { get; } =
    [
        ("high_frequency_microservice", "Multi-stage build, distroless runtime, BuildKit cache",
            "Pushed and pulled often: smallest pulls and storage, quick scale-out",
            "Egress -60 to -80 %, CI time about -40 % (as the source claims)"),
        ("data_heavy_ml_python", "debian-slim base, pip cache mounts, pinned dependency layers",
            "Native libraries keep working while the image shrinks",
            "Moderate storage savings without CI cache churn"),
        ("legacy_monolith", "alpine base, temporary squash, runtime hardening",
            "Fast size reduction for images that are rarely deployed",
            "Little effort now, more CI cost later"),
        ("ci_constrained", "BuildKit inline cache and registry cache export",
            "Cache metadata is reused instead of pulling whole images",
            "Much less network transfer"),
        ("already_lean", "Keep as is", "No change found worth its effort", "None"),
    ];

    /// <summary>The recommended approach for a stored scenario name; the name itself when not in the matrix.</summary>
    public static string ApproachOf(string scenario) =>
        Rows.FirstOrDefault(row => row.Scenario == scenario).Approach ?? scenario;
}
