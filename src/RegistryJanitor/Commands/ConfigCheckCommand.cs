using RegistryJanitor.Options;

namespace RegistryJanitor.Commands;

/// <summary>
/// <c>config check</c>: validates the configuration (as every command does first) and prints the effective settings
/// with secrets redacted.
/// </summary>
internal sealed class ConfigCheckCommand : ICommand
{
    private readonly IConfiguration _configuration;

    public ConfigCheckCommand(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    public string Name => "config check";

    public string Summary => "validate the configuration and print it with secrets redacted";

    public string Usage => string.Empty;

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.RejectArgumentsAsync(Name))
        {
            return ExitCodes.ConfigurationError;
        }

        await context.Output.WriteLineAsync("configuration is valid");
        if (_configuration is IConfigurationRoot root)
        {
            foreach (var line in EffectiveConfiguration.Describe(root))
            {
                await context.Output.WriteLineAsync(line);
            }
        }

        return ExitCodes.Success;
    }
}
