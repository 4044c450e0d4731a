using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// htpasswd file content with bcrypt hashes, the only hash distribution's htpasswd auth accepts. Hashed
/// in-process (BCrypt.Net-Next), so no apache2-utils is needed.
/// </summary>
public static class Htpasswd
{
    /// <summary>bcrypt cost: the minimum Go accepts is 4; 5 keeps test start-up fast.</summary>
    public const int WorkFactor = 5;

    /// <summary>One <c>user:hash</c> line per user.</summary>
    public static string Write(IReadOnlyDictionary<string, string> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var text = new StringBuilder();
        foreach (var (user, password) in users)
        {
            if (user.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException($"A user name cannot contain ':' ({user}).", nameof(users));
            }

            text.Append(user).Append(':').Append(BCrypt.Net.BCrypt.HashPassword(password, WorkFactor)).Append('\n');
        }

        return text.ToString();
    }
}
