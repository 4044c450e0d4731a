namespace RegistryJanitor.Registries.Cloud;

/// <summary>A provider whose metadata API lists every manifest with its relations (ACR, ECR).</summary>
public interface ICloudManifestSource
{
    /// <summary>
    /// Every manifest of <paramref name="repository"/>, classified by <see cref="CloudManifestRole"/>.
    /// </summary>
    Task<IReadOnlyList<CloudManifestFacts>> ListManifestFactsAsync(
        string repository, CancellationToken cancellationToken);
}
