using RegistryJanitor.Core.Configuration;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>Reads a registry password from configuration or its mounted secret file, at use.</summary>
internal static class SecretReader
{
    public static string? ReadPassword(RegistryOptions options)
    {
        if (!string.IsNullOrEmpty(options.PasswordFile))
        {
            return File.ReadAllText(options.PasswordFile).TrimEnd('\r', '\n');
        }

        return string.IsNullOrEmpty(options.Password) ? null : options.Password;
    }
}
