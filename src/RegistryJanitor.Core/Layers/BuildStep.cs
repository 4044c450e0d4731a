namespace RegistryJanitor.Core.Layers;

/// <summary>Reads a config history <c>created_by</c> text for what kind of step made a layer.</summary>
/// <remarks>
/// BuildKit writes <c>COPY src… dest # buildkit</c> and leaves <c>--from</c> out of the text, so a copy from
/// another stage shows only as absolute source paths (<c>COPY /app/node_modules ./node_modules</c>). The
/// classic builder writes <c>/bin/sh -c #(nop) COPY dir:HASH in /app</c>, hiding where the files came from; it
/// keeps <c>--from=</c> when there was one. A context copy is therefore a COPY or ADD with no <c>--from=</c>,
/// no URL or git remote and no absolute source path. A BuildKit stage copy written with relative sources
/// (<c>COPY --from=build app ./</c>) reads the same as a context copy; stage paths are almost always absolute.
/// </remarks>
public static class BuildStep
{
    private const string ClassicPrefix = "/bin/sh -c #(nop) ";
    private const string BuildKitSuffix = "# buildkit";

    /// <summary>True when <paramref name="createdBy"/> is a COPY or ADD of files from the build context.</summary>
    public static bool IsContextCopy(string? createdBy)
    {
        if (string.IsNullOrWhiteSpace(createdBy))
        {
            return false;
        }

        var text = createdBy.Trim();
        if (text.StartsWith(ClassicPrefix, StringComparison.Ordinal))
        {
            text = text[ClassicPrefix.Length..].TrimStart();
        }

        if (text.EndsWith(BuildKitSuffix, StringComparison.Ordinal))
        {
            text = text[..^BuildKitSuffix.Length].TrimEnd();
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || words[0] is not ("COPY" or "ADD"))
        {
            return false;
        }

        var sources = 0;
        foreach (var word in words.AsSpan(1, words.Length - 2))
        {
            if (word.StartsWith("--from=", StringComparison.Ordinal))
            {
                return false;
            }

            if (word.StartsWith("--", StringComparison.Ordinal) || word == "in")
            {
                continue;
            }

            if (word.StartsWith('/') || word.Contains("://", StringComparison.Ordinal)
                || word.StartsWith("git@", StringComparison.Ordinal))
            {
                return false;
            }

            sources++;
        }

        return sources > 0;
    }
}
