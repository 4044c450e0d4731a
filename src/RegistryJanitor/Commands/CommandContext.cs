namespace RegistryJanitor.Commands;

/// <summary>What a command is run with.</summary>
/// <param name="Application">The built host: its services, and for <c>run</c> the web application to start.</param>
/// <param name="Arguments">The command-line words after the command name (<c>--config</c> already removed).</param>
/// <param name="Output">Where the command's result goes (stdout).</param>
/// <param name="Error">Where problems go (stderr).</param>
public sealed record CommandContext(
    WebApplication Application, IReadOnlyList<string> Arguments, TextWriter Output, TextWriter Error);
