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
    private readonly Lock _lock = new();
    private Task<AWSCredentials>? _credentials;

    /// <inheritdoc />
    public async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        Task<AWSCredentials> resolving;
        lock (_lock)
        {
            // A failed resolution (no credentials yet, metadata endpoint down) is retried on the next call.
            if (_credentials is null || _credentials.IsFaulted || _credentials.IsCanceled)
            {
                _credentials = DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null);
            }

            resolving = _credentials;
        }

        var credentials = await resolving.WaitAsync(cancellationToken);
        return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
    }
}
