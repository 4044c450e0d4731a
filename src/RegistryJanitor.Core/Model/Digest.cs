using System.Security.Cryptography;

namespace RegistryJanitor.Core.Model;

/// <summary>
/// A content digest such as <c>sha256:…</c>: the natural key of every blob and manifest.
/// </summary>
/// <remarks>
/// Parsing is strict because digests arrive from registries, which are untrusted: only the
/// algorithms registries actually use are accepted, with the exact hex length each one produces.
/// </remarks>
public readonly record struct Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>The algorithm part, <c>sha256</c> or <c>sha512</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The lowercase hex part.</summary>
    public string Hex { get; }

    public static Digest Parse(string value) =>
        TryParse(value, out var digest)
            ? digest
            : throw new FormatException($"Not a valid digest: '{Truncate(value)}'.");

    public static bool TryParse(string? value, out Digest digest)
    {
        digest = default;
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var algorithm = value[..colon];
        var hex = value[(colon + 1)..];
        var expectedLength = algorithm switch
        {
            "sha256" => 64,
            "sha512" => 128,
            _ => -1,
        };
        if (hex.Length != expectedLength || !hex.All(IsLowerHex))
        {
            return false;
        }

        digest = new Digest(algorithm, hex);
        return true;
    }

    /// <summary>Computes the sha256 digest of exact bytes.</summary>
    public static Digest Sha256Of(ReadOnlySpan<byte> content) =>
        new("sha256", Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>True when <paramref name="content"/> hashes to this digest with this digest's algorithm.</summary>
    public bool Matches(ReadOnlySpan<byte> content)
    {
        var actual = Algorithm switch
        {
            "sha256" => Convert.ToHexStringLower(SHA256.HashData(content)),
            "sha512" => Convert.ToHexStringLower(SHA512.HashData(content)),
            _ => string.Empty,
        };
        return string.Equals(actual, Hex, StringComparison.Ordinal);
    }

    /// <summary>Creates an incremental hasher for this digest's algorithm, for verifying streams.</summary>
    public IncrementalHash CreateHasher() => Algorithm switch
    {
        "sha512" => IncrementalHash.CreateHash(HashAlgorithmName.SHA512),
        _ => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
    };

    public override string ToString() => Algorithm is null ? string.Empty : $"{Algorithm}:{Hex}";

    private static bool IsLowerHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';

    private static string Truncate(string? value) =>
        value is null ? "(null)" : value.Length <= 80 ? value : value[..80] + "…";
}
