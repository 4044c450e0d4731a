namespace RegistryJanitor.Core.Ranking;

/// <summary>Rough engineering effort of a recommendation.</summary>
public enum EffortClass
{
    /// <summary>
    /// A line or two in the Dockerfile or the build command, moving an existing step included (copying the
    /// dependency manifests before the source is a reorder of two lines).
    /// </summary>
    Small,

    /// <summary>
    /// A restructured Dockerfile (build and runtime stages), or a base swap the decision matrix rates as a modest
    /// change (the legacy monolith's alpine base with hardening, which keeps its single deployable).
    /// </summary>
    Medium,

    /// <summary>A new base image or runtime whose native dependencies must be rebuilt and re-tested.</summary>
    Large,
}
