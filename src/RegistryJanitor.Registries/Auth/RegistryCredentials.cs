using System.Text;
using RegistryJanitor.Core.Configuration;

namespace RegistryJanitor.Registries.Auth;

/// <summary>A user name and secret for one registry. Never logged: <see cref="ToString"/> hides the secret.</summary>
public sealed class RegistryCredentials
{
    private readonly string secret;

    private RegistryCredentials(string username, string secret)
    {
        Username = username;
        this.secret = secret;
    }

    public string Username { get; }

    /// <summary>
    /// Reads the credentials of <paramref name="registry"/>: <c>Password</c> (from configuration, which
    /// includes the <c>Registries__N__Password</c> environment variable) or else the <c>PasswordFile</c>
    /// (a mounted secret, trailing newline ignored). Null for anonymous access.
    /// </summary>
    public static RegistryCredentials? Resolve(RegistryOptions registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (string.IsNullOrEmpty(registry.Username))
        {
            return null;
        }

        var secret = registry.Password;
        if (string.IsNullOrEmpty(secret) && !string.IsNullOrEmpty(registry.PasswordFile))
        {
            try
            {
                secret = File.ReadAllText(registry.PasswordFile).TrimEnd('\r', '\n');
            }
            catch (IOException exception)
            {
                throw new RegistryAuthenticationException(
                    $"Registry '{registry.Name}': the password file named by PasswordFile cannot be read.", exception);
            }
        }

        return new RegistryCredentials(registry.Username, secret ?? string.Empty);
    }

    /// <summary>The value for <c>Authorization: Basic …</c>.</summary>
    public string ToBasicParameter() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{secret}"));

    public override string ToString() => $"{Username}:***";
}
