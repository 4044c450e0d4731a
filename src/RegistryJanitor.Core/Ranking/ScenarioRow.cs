namespace RegistryJanitor.Core.Ranking;

/// <summary>Where an image lands: a row of the decision matrix, already lean, or not an image at all.</summary>
public enum ScenarioRow
{
    /// <summary>Pushed often: multi-stage build, distroless runtime, BuildKit cache.</summary>
    HighFrequencyMicroservice,

    /// <summary>Python with large site-packages or ML libraries: slim base, pip cache mounts, pinned layers.</summary>
    DataHeavyMlPython,

    /// <summary>Large and rarely pushed: alpine base, temporary squash, runtime hardening.</summary>
    LegacyMonolith,

    /// <summary>Built by CI through the registry (cache exports present): inline and registry cache export.</summary>
    CiConstrained,

    /// <summary>Nothing worth changing was found.</summary>
    AlreadyLean,

    /// <summary>An artifact, a build cache, a signature, an SBOM or an attestation: not ranked.</summary>
    NotAnImage,
}
