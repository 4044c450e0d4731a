using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace RegistryJanitor.Registries.Aws;

/// <summary>
/// The AWS SDK default chain: environment, shared profile, web identity (IRSA), ECS/EKS container credentials
/// and instance metadata, through <see cref="DefaultAWSCredentialsIdentityResolver"/>.
/// </summary>
/// <remarks>
/// Web identity needs the AWSSDK.SecurityToken assembly, which AWSSDK.Core loads by reflection; this project
/// references that package so it ships beside the binary. The resolved <see cref="AWSCredentials"/> object
/// caches and refreshes temporary credentials itself.
/// </remarks>
public sealed class DefaultAwsCredentialSource : IAwsCredentialSource
{
    private readonly Lazy<Task<AWSCredentials>> _credentials =
        new(() => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null));

    /// <inheritdoc />
    public async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var credentials = await _credentials.Value.WaitAsync(cancellationToken);
        return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
    }
}
