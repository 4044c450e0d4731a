namespace RegistryJanitor.Core.Ranking;

/// <summary>Rough engineering effort of a recommendation.</summary>
public enum EffortClass
{
    /// <summary>A line or two in the Dockerfile or the build command.</summary>
    Small,

    /// <summary>A restructured Dockerfile (stages, order of steps).</summary>
    Medium,

    /// <summary>A new base image or runtime, with testing of native dependencies.</summary>
    Large,
}
