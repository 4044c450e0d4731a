namespace RegistryJanitor.Commands;

/// <summary>What a command is run with.</summary>
/// <param name="Application">The built host: its services, and for <c>run</c> the web application to start.</param>
/// <param name="Arguments">The command-line words after the command name (<c>--config</c> already removed).</param>
/// <param name="Output">Where the command's result goes (stdout).</param>
/// <param name="Error">Where problems go (stderr).</param>
public sealed record CommandContext(
    WebApplication Application, IReadOnlyList<string> Arguments, TextWriter Output, TextWriter Error)
{
    /// <summary>
    /// For commands that take no arguments: reports any given as a usage error. Returns true when there were some,
    /// and the command should then return <see cref="ExitCodes.ConfigurationError"/>.
    /// </summary>
    public async Task<bool> RejectArgumentsAsync(string commandName)
    {
        if (Arguments.Count == 0)
        {
            return false;
        }

        await Error.WriteLineAsync($"usage error: {commandName} takes no arguments ({string.Join(' ', Arguments)})");
        return true;
    }
}
