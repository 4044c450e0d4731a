namespace RegistryJanitor.Registries.Auth;

/// <summary>The registry refused the credentials (or anonymous access). The message never holds a secret.</summary>
public sealed class RegistryAuthenticationException : Exception
{
    public RegistryAuthenticationException()
    {
    }

    public RegistryAuthenticationException(string message)
        : base(message)
    {
    }

    public RegistryAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
