namespace RegistryJanitor.Core.Costs;

/// <summary>Pulls per month of an image or repository, with where the number came from.</summary>
/// <param name="PullsPerMonth">Pulls in the month; fractional when it is an assumption.</param>
/// <param name="Source">Provider metric, registry events, configured assumption, or none.</param>
/// <param name="Basis">Human-readable basis, e.g. the assumption pattern and its factors.</param>
public sealed record PullEstimate(decimal PullsPerMonth, PullCountSource Source, string Basis)
{
    /// <summary>No pull data and no assumption: zero pulls, labelled as such.</summary>
    public static PullEstimate None { get; } = new(0m, PullCountSource.None, "no pull data and no assumption");
}
