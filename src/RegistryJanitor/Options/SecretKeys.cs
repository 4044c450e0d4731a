using System.Text.RegularExpressions;

namespace RegistryJanitor.Options;

/// <summary>
/// Decides which configuration keys hold secrets: what <c>config check</c> redacts and files may supply.
/// </summary>
public static partial class SecretKeys
{
    /// <summary>
    /// The suffix of a setting that names a file holding the value of its sibling (<c>PasswordFile</c>).
    /// </summary>
    public const string FileSuffix = "File";

    /// <summary>
    /// True when the last segment of <paramref name="key"/> reads like a secret (password, secret, token, credential,
    /// access or private key, API key) or the key is a connection string.
    /// </summary>
    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IsConnectionString(key) || SecretName().IsMatch(LastSegment(key));
    }

    /// <summary>True for <c>ConnectionStrings:NAME</c>.</summary>
    public static bool IsConnectionString(string key) =>
        key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
        && key.IndexOf(':', "ConnectionStrings:".Length) < 0;

    /// <summary>The part of <paramref name="key"/> after its last <c>:</c>.</summary>
    public static string LastSegment(string key) => key[(key.LastIndexOf(':') + 1)..];

    [GeneratedRegex("(password|passwd|secret|token|credential|accesskey|privatekey|apikey|sas)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();
}
