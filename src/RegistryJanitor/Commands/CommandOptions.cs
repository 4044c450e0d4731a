namespace RegistryJanitor.Commands;

/// <summary>Reads options given as <c>NAME VALUE</c> or <c>NAME=VALUE</c> from the arguments after a command.</summary>
public static class CommandOptions
{
    /// <summary>The first value of <paramref name="name"/>, or null when it is not given.</summary>
    public static string? Value(IReadOnlyList<string> arguments, string name) =>
        Values(arguments, name).FirstOrDefault();

    /// <summary>Every value of a repeatable option, in command-line order.</summary>
    public static IEnumerable<string> Values(IReadOnlyList<string> arguments, string name)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == name && i + 1 < arguments.Count)
            {
                yield return arguments[++i];
            }
            else if (arguments[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                yield return arguments[i][(name.Length + 1)..];
            }
        }
    }
}
