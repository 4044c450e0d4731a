namespace RegistryJanitor.Core.Costs;

/// <summary>Over which set of repositories a provider stores (and bills) a blob once.</summary>
public enum DedupScope
{
    /// <summary>A blob is stored once per registry, whatever the number of repositories using it.</summary>
    Registry,

    /// <summary>A blob is stored once per repository; two repositories using it store it twice.</summary>
    Repository,
}
