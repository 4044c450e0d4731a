using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Oci;

/// <summary>A body that does not hash to the digest it was requested or announced by; it was discarded.</summary>
public sealed class RegistryDigestMismatchException : Exception
{
    public RegistryDigestMismatchException()
    {
    }

    public RegistryDigestMismatchException(string message)
        : base(message)
    {
    }

    public RegistryDigestMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryDigestMismatchException(string message, Digest expected)
        : base(message)
    {
        Expected = expected;
    }

    /// <summary>The digest the body should have had.</summary>
    public Digest Expected { get; }
}
