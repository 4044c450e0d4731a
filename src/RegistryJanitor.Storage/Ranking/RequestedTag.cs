using System.Diagnostics.CodeAnalysis;

namespace RegistryJanitor.Storage.Ranking;

/// <summary>A tag named on request (<c>rank --tag REPOSITORY:TAG</c>), ranked besides the newest tags.</summary>
/// <param name="Repository">The repository name as the registry lists it (no registry host).</param>
/// <param name="Tag">The tag name.</param>
public sealed record RequestedTag(string Repository, string Tag)
{
    /// <summary>
    /// Parses <c>REPOSITORY:TAG</c>. Neither repository names nor tags may hold a colon, so the text splits at its
    /// last one; both sides must be non-empty.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RequestedTag? requested)
    {
        requested = null;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        requested = new RequestedTag(text[..colon], text[(colon + 1)..]);
        return true;
    }

    public override string ToString() => $"{Repository}:{Tag}";
}
