namespace RegistryJanitor.Core.Ranking;

/// <summary>The runtime ecosystem an image was built for.</summary>
public enum Ecosystem
{
    Unknown,
    Node,
    Python,
    Jvm,
    Go,
    DotNet,
}
