using System.Data.Common;
using Microsoft.Extensions.Configuration;

namespace RegistryJanitor.Options;

/// <summary>
/// The configuration as the product reads it, one <c>key = value</c> line per setting, secrets redacted.
/// </summary>
/// <remarks>
/// Only the product's sections are listed — those the settings files name plus the built-in ones — so that the
/// process environment (PATH, HOME, …) does not drown them. Redacted: connection string passwords, and any value
/// whose key reads like a secret (<see cref="SecretKeys.IsSecret"/>), including provider <c>Settings</c>.
/// </remarks>
internal static class EffectiveConfiguration
{
    public const string Redacted = "***";

    private static readonly string[] BuiltInSections =
        ["ConnectionStrings", "Logging", "Migrations", "Registries", "Scheduler", "Service"];

    private static readonly string[] PasswordKeys = ["Password", "Pwd"];

    private static readonly string[] HostSettingKeys = ["urls"];

    public static IEnumerable<string> Describe(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sections = new HashSet<string>(BuiltInSections, StringComparer.OrdinalIgnoreCase);
        foreach (var provider in configuration.Providers.OfType<FileConfigurationProvider>())
        {
            sections.UnionWith(provider.GetChildKeys([], parentPath: null));
        }

        // The web host writes its own settings (urls, derived from Service:Urls) into every provider.
        sections.ExceptWith(HostSettingKeys);

        // An empty value on a top-level key is an empty JSON array or object (Registries: []), not a setting.
        return configuration.AsEnumerable()
            .Where(entry => entry.Value is not null && sections.Contains(entry.Key.Split(':')[0]))
            .Where(entry => entry.Value!.Length > 0 || entry.Key.Contains(':', StringComparison.Ordinal))
            .OrderBy(entry => entry.Key, StringComparer.OrdinalIgnoreCase)
            .Select(entry => $"{entry.Key} = {Redact(entry.Key, entry.Value!)}");
    }

    public static string Redact(string key, string value)
    {
        if (value.Length == 0 || key.EndsWith(SecretKeys.FileSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        if (SecretKeys.IsConnectionString(key))
        {
            return RedactConnectionString(value);
        }

        return SecretKeys.IsSecret(key) ? Redacted : value;
    }

    private static string RedactConnectionString(string value)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = value };
            foreach (var key in PasswordKeys.Where(builder.ContainsKey))
            {
                builder[key] = Redacted;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // Unparseable: it may hold a password anywhere, so none of it is shown.
            return Redacted;
        }
    }
}
