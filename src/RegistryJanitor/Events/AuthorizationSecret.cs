using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RegistryJanitor.Events;

/// <summary>
/// The expected <c>Authorization</c> header value, from configuration or a secret file that is re-read when
/// its modification time changes (a rotated Kubernetes secret).
/// </summary>
internal sealed class AuthorizationSecret
{
    private readonly RegistryEventsOptions options;
    private readonly Lock gate = new();
    private DateTime loadedWriteTime;
    private byte[]? fileValue;

    public AuthorizationSecret(IOptions<RegistryEventsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
    }

    /// <summary>True when <paramref name="presented"/> equals the configured value; false without one.</summary>
    public bool Matches(string? presented)
    {
        var expected = Expected();
        if (expected is null || expected.Length == 0 || presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);
    }

    private byte[]? Expected()
    {
        if (!string.IsNullOrEmpty(options.Authorization))
        {
            return Encoding.UTF8.GetBytes(options.Authorization);
        }

        var path = options.AuthorizationFile;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return null;
        }

        lock (gate)
        {
            var writeTime = File.GetLastWriteTimeUtc(path);
            if (fileValue is null || writeTime != loadedWriteTime)
            {
                fileValue = Encoding.UTF8.GetBytes(File.ReadAllText(path).TrimEnd('\r', '\n'));
                loadedWriteTime = writeTime;
            }

            return fileValue;
        }
    }
}
