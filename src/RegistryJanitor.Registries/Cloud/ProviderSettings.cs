using System.Globalization;
using RegistryJanitor.Core.Configuration;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>Typed reads of <see cref="RegistryOptions.Settings"/> with one clear message per bad value.</summary>
internal static class ProviderSettings
{
    public static string? GetString(RegistryOptions options, string key) =>
        options.Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static Uri? GetUri(RegistryOptions options, string key)
    {
        var value = GetString(options, key);
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw Invalid(options, key, "must be an absolute http(s) URL");
    }

    public static TimeSpan GetTimeSpan(RegistryOptions options, string key, TimeSpan defaultValue)
    {
        var value = GetString(options, key);
        if (value is null)
        {
            return defaultValue;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
            ? span
            : throw Invalid(options, key, "must be a non-negative time span such as 00:00:01");
    }

    public static int GetInt(RegistryOptions options, string key, int defaultValue, int min, int max)
    {
        var value = GetString(options, key);
        if (value is null)
        {
            return defaultValue;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
               && number >= min && number <= max
            ? number
            : throw Invalid(options, key, $"must be an integer from {min} to {max}");
    }

    public static InvalidOperationException Invalid(RegistryOptions options, string key, string problem) =>
        new($"Registries:{options.Name}:Settings:{key} {problem}.");
}
