namespace RegistryJanitor.Options;

/// <summary>
/// A setting cannot be used as given. Caught at the top of the program and printed as one line naming the setting
/// (<c>configuration error: Registries:0:Url: is required</c>), then exit code 2.
/// </summary>
public sealed class ConfigurationErrorException : Exception
{
    public ConfigurationErrorException()
    {
    }

    public ConfigurationErrorException(string message)
        : base(message)
    {
    }

    public ConfigurationErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Creates the error for <paramref name="settingPath"/>; the message reads "<c>path: problem</c>".
    /// </summary>
    public static ConfigurationErrorException For(string settingPath, string problem) =>
        new($"{settingPath}: {problem}");
}
