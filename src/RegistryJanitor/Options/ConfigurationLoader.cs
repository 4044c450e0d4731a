using Microsoft.Extensions.Configuration;

namespace RegistryJanitor.Options;

/// <summary>Assembles the configuration every command sees, lowest precedence first.</summary>
/// <remarks>
/// Order: <c>appsettings.json</c> beside the executable, <c>appsettings.json</c> in the working directory,
/// the <c>--config FILE</c>, environment variables (<c>Registries__0__Url</c>), then secrets read from the files
/// named by <c>*File</c> settings. Environment variables win over files so that a cluster can override one value
/// of a mounted config file; reload on change is off because options are validated once at start.
/// </remarks>
public static class ConfigurationLoader
{
    /// <summary>The settings file name looked for beside the binary and in the working directory.</summary>
    public const string SettingsFileName = "appsettings.json";

    /// <summary>Replaces the sources of <paramref name="configuration"/> with the product's.</summary>
    /// <exception cref="ConfigurationErrorException">The config file is missing or a JSON file is
    /// malformed.</exception>
    public static void Load(IConfigurationManager configuration, string? configFile)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Clear();

        var besideBinary = Path.Combine(AppContext.BaseDirectory, SettingsFileName);
        var inWorkingDirectory = Path.GetFullPath(SettingsFileName);
        AddJson(configuration, besideBinary, optional: true, settingName: SettingsFileName);
        if (!string.Equals(besideBinary, inWorkingDirectory, StringComparison.Ordinal))
        {
            AddJson(configuration, inWorkingDirectory, optional: true, settingName: SettingsFileName);
        }

        if (configFile is not null)
        {
            var fullPath = Path.GetFullPath(configFile);
            if (!File.Exists(fullPath))
            {
                throw ConfigurationErrorException.For("--config", $"file not found: {fullPath}");
            }

            AddJson(configuration, fullPath, optional: false, settingName: "--config");
        }

        configuration.AddEnvironmentVariables();
        configuration.AddSecretFiles(configuration);
    }

    private static void AddJson(IConfigurationBuilder configuration, string path, bool optional, string settingName)
    {
        try
        {
            configuration.AddJsonFile(path, optional, reloadOnChange: false);
        }
        catch (InvalidDataException exception)
        {
            throw ConfigurationErrorException.For(settingName, $"{path} is not valid JSON ({FirstLine(exception)})");
        }
        catch (FormatException exception)
        {
            throw ConfigurationErrorException.For(settingName, $"{path} is not valid JSON ({FirstLine(exception)})");
        }
    }

    private static string FirstLine(Exception exception)
    {
        var message = (exception.InnerException ?? exception).Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
