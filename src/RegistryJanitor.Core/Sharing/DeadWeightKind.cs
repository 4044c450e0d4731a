namespace RegistryJanitor.Core.Sharing;

/// <summary>Categories of registry-level dead weight.</summary>
public enum DeadWeightKind
{
    /// <summary>An untagged manifest that no index lists and that is not attached to a present subject.</summary>
    Untagged,

    /// <summary>A tagged image not pushed (or not pulled, where known) for longer than the configured age.</summary>
    Stale,

    /// <summary>A BuildKit registry cache manifest.</summary>
    BuildCache,

    /// <summary>A signature, SBOM or attestation whose subject is gone.</summary>
    OrphanedReferrer,
}
