namespace RegistryJanitor.Core.Configuration;

/// <summary>How a registry is reached and enumerated.</summary>
public enum RegistryProvider
{
    /// <summary>Any OCI distribution / Docker v2 registry, through <c>/v2/</c> alone.</summary>
    Oci,

    /// <summary>Azure Container Registry: <c>/v2/</c> plus the <c>/acr/v1/</c> metadata API.</summary>
    Acr,

    /// <summary>Amazon ECR: the ECR JSON API plus <c>/v2/</c> for blobs.</summary>
    Ecr,
}
