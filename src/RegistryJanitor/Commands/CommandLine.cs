namespace RegistryJanitor.Commands;

/// <summary>The command line split into the global <c>--config FILE</c> option and the command words.</summary>
/// <param name="ConfigFile">The file given with <c>--config</c>, or null.</param>
/// <param name="Words">Everything else, in order: the command name words followed by its arguments.</param>
internal sealed record CommandLine(string? ConfigFile, IReadOnlyList<string> Words)
{
    private const string ConfigOption = "--config";

    /// <summary>True when the words ask for the usage text.</summary>
    public bool WantsHelp => Words.Count == 0 || Words[0] is "help" or "--help" or "-h";

    /// <summary>Takes <c>--config FILE</c> or <c>--config=FILE</c> from anywhere on the line.</summary>
    /// <exception cref="ArgumentException"><c>--config</c> lacks its file, or is given twice.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? configFile = null;
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value = null;
            if (arg == ConfigOption)
            {
                value = i + 1 < args.Count ? args[++i] : throw new ArgumentException("--config needs a file");
            }
            else if (arg.StartsWith(ConfigOption + "=", StringComparison.Ordinal))
            {
                value = arg[(ConfigOption.Length + 1)..];
            }
            else
            {
                words.Add(arg);
                continue;
            }

            if (configFile is not null || value.Length == 0)
            {
                throw new ArgumentException("--config needs exactly one file");
            }

            configFile = value;
        }

        return new CommandLine(configFile, words);
    }

    /// <summary>Finds the command whose name is the longest prefix of the words; the rest are its arguments.</summary>
    public (ICommand? Command, IReadOnlyList<string> Arguments) Match(IEnumerable<ICommand> commands)
    {
        var best = commands
            .Select(command => (Command: command, Parts: command.Name.Split(' ')))
            .Where(candidate => candidate.Parts.Length <= Words.Count
                                && candidate.Parts.SequenceEqual(Words.Take(candidate.Parts.Length),
                                    StringComparer.Ordinal))
            .OrderByDescending(candidate => candidate.Parts.Length)
            .FirstOrDefault();
        return best.Command is null
            ? (null, Words)
            : (best.Command, Words.Skip(best.Parts.Length).ToList());
    }
}
