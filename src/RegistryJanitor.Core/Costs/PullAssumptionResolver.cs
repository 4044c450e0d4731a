namespace RegistryJanitor.Core.Costs;

/// <summary>Turns the configured pull assumptions into a pull estimate for a repository.</summary>
public sealed class PullAssumptionResolver
{
    private readonly List<(RepositoryGlob Glob, PullAssumptionOptions Options)> assumptions;

    public PullAssumptionResolver(IEnumerable<PullAssumptionOptions> assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        this.assumptions = [.. assumptions.Select(a => (new RepositoryGlob(a.Pattern), a))];
    }

    /// <summary>
    /// Pulls per month = deploys per month × replicas of the first pattern matching <paramref name="repository"/>;
    /// <see cref="PullEstimate.None"/> when no pattern matches.
    /// </summary>
    public PullEstimate Estimate(string repository)
    {
        foreach (var (glob, options) in assumptions)
        {
            if (glob.IsMatch(repository))
            {
                var pulls = options.DeploysPerMonth * options.Replicas;
                var basis = $"assumption '{glob.Pattern}': {options.DeploysPerMonth} deploys/month × "
                    + $"{options.Replicas} replicas";
                return new PullEstimate(pulls, PullCountSource.ConfiguredAssumption, basis);
            }
        }

        return PullEstimate.None;
    }

    /// <summary>Measured counts win over assumptions: provider metrics first, then registry events.</summary>
    public PullEstimate Choose(string repository, long? providerPulls, long? eventPulls)
    {
        if (providerPulls is { } provider)
        {
            return new PullEstimate(provider, PullCountSource.ProviderMetric, "provider pull metric");
        }

        if (eventPulls is { } events)
        {
            return new PullEstimate(events, PullCountSource.RegistryEvents, "registry notification events");
        }

        return Estimate(repository);
    }
}
