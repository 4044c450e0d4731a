using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Analysis;

/// <summary>Dead-weight totals of one layer on its own, before any later layer hides part of it.</summary>
internal static class LayerCategories
{
    public static IReadOnlyList<CategoryTotal> Of(LayerIndex index)
    {
        var totals = new Dictionary<DeadWeightCategory, CategoryTotal>();
        foreach (var entry in index.Entries)
        {
            if (entry.Type != LayerEntryType.File)
            {
                continue;
            }

            var category = DeadWeightClassifier.Classify(entry.Path);
            if (category == DeadWeightCategory.None)
            {
                continue;
            }

            if (!totals.TryGetValue(category, out var total))
            {
                total = new CategoryTotal(category);
                totals[category] = total;
            }

            total.Add(entry.Path, entry.Size);
        }

        return [.. totals.Values.OrderByDescending(total => total.Bytes)];
    }
}
