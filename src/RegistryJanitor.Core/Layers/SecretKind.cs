namespace RegistryJanitor.Core.Layers;

/// <summary>The kind of credential a secret-like file appears to hold. Only the kind is ever stored.</summary>
public enum SecretKind : byte
{
    None = 0,

    /// <summary>A PEM or OpenSSH private key.</summary>
    PrivateKey = 1,

    /// <summary>A <c>.env</c> file that assigns a non-empty value to a credential-like variable.</summary>
    DotEnvCredentials = 2,

    /// <summary>An <c>.npmrc</c> carrying an auth token or password.</summary>
    NpmrcToken = 3,

    /// <summary>An AWS shared credentials file with a secret access key.</summary>
    AwsCredentials = 4,

    /// <summary>A Google service-account key file.</summary>
    GcpServiceAccountKey = 5,

    /// <summary>Azure CLI token caches.</summary>
    AzureTokenCache = 6,

    /// <summary>A Docker client config with stored registry auth.</summary>
    DockerConfigAuth = 7,

    /// <summary><c>.git-credentials</c>, <c>.netrc</c> or <c>.pgpass</c> with a password.</summary>
    StoredPassword = 8,
}
