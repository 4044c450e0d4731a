using Amazon.Runtime;

namespace RegistryJanitor.Registries.Aws;

/// <summary>Where AWS credentials come from for signing control-plane calls.</summary>
public interface IAwsCredentialSource
{
    /// <summary>Current credentials; implementations refresh expiring ones themselves.</summary>
    Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
