namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// Splits a Dockerfile into instructions: comments and blank lines dropped, backslash continuations joined,
/// each instruction tagged with its build stage.
/// </summary>
/// <remarks>
/// Enough for the static checks of our own Dockerfile; heredocs and a changed escape directive are not
/// supported because the file uses neither.
/// </remarks>
internal static class DockerfileParser
{
    public static IReadOnlyList<DockerfileInstruction> Parse(string text)
    {
        var instructions = new List<DockerfileInstruction>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var stage = -1;
        var pending = new List<string>();
        var startLine = 0;

        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (pending.Count == 0)
            {
                startLine = index + 1;
            }

            var continues = line.EndsWith('\\');
            pending.Add(continues ? line[..^1].Trim() : line);
            if (continues)
            {
                continue;
            }

            var joined = string.Join(' ', pending.Where(part => part.Length > 0));
            pending.Clear();
            var separator = joined.IndexOfAny([' ', '\t']);
            var keyword = (separator < 0 ? joined : joined[..separator]).ToUpperInvariant();
            var arguments = separator < 0 ? string.Empty : joined[(separator + 1)..].Trim();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new DockerfileInstruction(keyword, arguments, startLine, stage));
        }

        return instructions;
    }
}
