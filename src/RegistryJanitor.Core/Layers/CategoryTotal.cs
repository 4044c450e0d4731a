namespace RegistryJanitor.Core.Layers;

/// <summary>Bytes and files of one dead-weight category in an image's final filesystem, with example paths.</summary>
public sealed class CategoryTotal
{
    public const int MaxExamples = 5;

    private readonly List<string> examples = [];

    public CategoryTotal(DeadWeightCategory category)
    {
        Category = category;
    }

    /// <summary>Rebuilds a stored total (bytes, files and the examples as stored).</summary>
    public CategoryTotal(DeadWeightCategory category, long bytes, int fileCount, IEnumerable<string> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        Category = category;
        Bytes = bytes;
        FileCount = fileCount;
        this.examples.AddRange(examples.Order(StringComparer.Ordinal).Take(MaxExamples));
    }

    public DeadWeightCategory Category { get; }

    public long Bytes { get; private set; }

    public int FileCount { get; private set; }

    /// <summary>
    /// Up to <see cref="MaxExamples"/> paths: the first in ordinal order, whatever order they came in.
    /// </summary>
    public IReadOnlyList<string> Examples => examples;

    public void Add(string path, long size)
    {
        Bytes += size;
        FileCount++;
        if (examples.Count == MaxExamples && string.CompareOrdinal(path, examples[^1]) >= 0)
        {
            return;
        }

        var at = examples.BinarySearch(path, StringComparer.Ordinal);
        examples.Insert(at < 0 ? ~at : at, path);
        if (examples.Count > MaxExamples)
        {
            examples.RemoveAt(MaxExamples);
        }
    }
}
