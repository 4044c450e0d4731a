using System.Security.Cryptography;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>sha256 content digests in the <c>sha256:&lt;hex&gt;</c> form registries use.</summary>
public static class ContentDigest
{
    /// <summary>The digest of a byte sequence.</summary>
    public static string Of(ReadOnlySpan<byte> content)
    {
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>The digest of a finished incremental hash.</summary>
    public static string Of(IncrementalHash hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The 64 hex characters of a sha256 digest.</summary>
    public static string Hex(string digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        const string Prefix = "sha256:";
        if (!digest.StartsWith(Prefix, StringComparison.Ordinal) || digest.Length != Prefix.Length + 64)
        {
            throw new ArgumentException($"Not a sha256 digest: {digest}", nameof(digest));
        }

        return digest[Prefix.Length..];
    }

    /// <summary>The tag the referrers fallback and cosign derive from a digest: <c>sha256-&lt;hex&gt;</c>.</summary>
    public static string FallbackTag(string digest)
    {
        return "sha256-" + Hex(digest);
    }
}
