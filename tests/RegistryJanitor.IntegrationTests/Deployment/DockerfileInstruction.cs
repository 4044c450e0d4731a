namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>One Dockerfile instruction with its continuation lines joined.</summary>
/// <param name="Keyword">The instruction in upper case (FROM, COPY, RUN, ...).</param>
/// <param name="Arguments">Everything after the keyword, flags included.</param>
/// <param name="Line">1-based line where the instruction starts.</param>
/// <param name="Stage">0-based index of the build stage the instruction belongs to (-1 before the first FROM).</param>
internal sealed record DockerfileInstruction(string Keyword, string Arguments, int Line, int Stage)
{
    /// <summary>The <c>--name=value</c> flags at the start of the arguments (COPY --from, RUN --mount, ...).</summary>
    public IReadOnlyList<string> Flags => Words.TakeWhile(word => word.StartsWith("--", StringComparison.Ordinal))
        .ToList();

    /// <summary>The arguments after the flags.</summary>
    public IReadOnlyList<string> Operands => Words.SkipWhile(word => word.StartsWith("--", StringComparison.Ordinal))
        .ToList();

    /// <summary>True when the arguments after the flags are a JSON array (exec form).</summary>
    public bool IsExecForm => string.Join(' ', Operands).StartsWith('[');

    private IReadOnlyList<string> Words =>
        Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"line {Line}: {Keyword} {Arguments}";
}
