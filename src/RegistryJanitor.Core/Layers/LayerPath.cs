namespace RegistryJanitor.Core.Layers;

/// <summary>Normalises tar entry names into index paths and recognises whiteout markers.</summary>
/// <remarks>
/// Names come from untrusted tars. A <c>..</c> component is rejected rather than resolved: no legitimate
/// image layer needs one, and resolving it would let a hostile layer place entries outside the paths other
/// layers see. Already-normal names (the common case) are returned without allocating.
/// </remarks>
public static class LayerPath
{
    public const string WhiteoutPrefix = ".wh.";
    public const string OpaqueMarker = ".wh..wh..opq";
    private const string MetadataPrefix = ".wh..wh.";

    /// <summary>
    /// Normalises <paramref name="raw"/>: no leading <c>./</c> or <c>/</c>, no empty or <c>.</c> parts.
    /// </summary>
    public static LayerPathStatus TryNormalize(string raw, int maxLength, out string path)
    {
        ArgumentNullException.ThrowIfNull(raw);
        path = string.Empty;
        if (raw.Length > maxLength)
        {
            return LayerPathStatus.TooLong;
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            return LayerPathStatus.Invalid;
        }

        var status = Inspect(raw, out var canonical);
        if (status != LayerPathStatus.Valid)
        {
            return status;
        }

        path = canonical ? raw : Rebuild(raw);
        return path.Length == 0 ? LayerPathStatus.Root : LayerPathStatus.Valid;
    }

    /// <summary>Builds an index entry from a tar entry, turning whiteout markers into their target paths.</summary>
    public static LayerPathStatus TryCreateEntry(
        string rawName, LayerEntryType type, long size, int mode, int maxLength, out LayerEntry entry)
    {
        entry = default;
        var status = TryNormalize(rawName, maxLength, out var path);
        if (status != LayerPathStatus.Valid)
        {
            return status;
        }

        var slash = path.LastIndexOf('/');
        var name = path.AsSpan(slash + 1);
        var metadata = path.IndexOf(MetadataPrefix, StringComparison.Ordinal);
        if (metadata >= 0 && (metadata == 0 || path[metadata - 1] == '/') && metadata <= slash)
        {
            // Inside an aufs metadata folder such as .wh..wh.plnk: hard-link bookkeeping, not image content.
            return LayerPathStatus.Ignored;
        }

        var size0 = type == LayerEntryType.File ? Math.Max(0, size) : 0;
        if (!name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            entry = new LayerEntry(path, size0, type, mode, SecretKind.None);
            return LayerPathStatus.Valid;
        }

        var directory = slash < 0 ? string.Empty : path[..slash];
        if (name.SequenceEqual(OpaqueMarker))
        {
            entry = new LayerEntry(directory, 0, LayerEntryType.OpaqueWhiteout, mode, SecretKind.None);
            return LayerPathStatus.Valid;
        }

        if (name.StartsWith(MetadataPrefix, StringComparison.Ordinal))
        {
            return LayerPathStatus.Ignored;
        }

        var target = name[WhiteoutPrefix.Length..];
        if (target.IsEmpty || target is "." or "..")
        {
            return LayerPathStatus.Invalid;
        }

        var targetPath = directory.Length == 0 ? target.ToString() : string.Concat(directory, "/", target);
        entry = new LayerEntry(targetPath, 0, LayerEntryType.Whiteout, mode, SecretKind.None);
        return LayerPathStatus.Valid;
    }

    /// <summary>The parent directory of a normalised path; empty for top-level entries.</summary>
    public static ReadOnlySpan<char> Parent(ReadOnlySpan<char> path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? [] : path[..slash];
    }

    private static LayerPathStatus Inspect(string raw, out bool canonical)
    {
        canonical = raw.Length > 0 && raw[0] != '/' && raw[^1] != '/';
        var span = raw.AsSpan();
        while (true)
        {
            var slash = span.IndexOf('/');
            var part = slash < 0 ? span : span[..slash];
            if (part is "..")
            {
                return LayerPathStatus.Traversal;
            }

            if (part.IsEmpty || part is ".")
            {
                canonical = false;
            }

            if (slash < 0)
            {
                return LayerPathStatus.Valid;
            }

            span = span[(slash + 1)..];
        }
    }

    private static string Rebuild(string raw)
    {
        var parts = raw.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', parts.Where(part => part != "."));
    }
}
