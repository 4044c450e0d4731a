using Amazon.Runtime;

namespace RegistryJanitor.Registries.Aws;

/// <summary>Fixed credentials, e.g. an access key pair from a mounted secret.</summary>
public sealed class StaticAwsCredentialSource(ImmutableCredentials credentials) : IAwsCredentialSource
{
    /// <inheritdoc />
    public Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(credentials);
}
