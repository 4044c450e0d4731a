namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>
/// For each package, the installed packages that are there only for it: what removing it together with the
/// dependencies nothing else needs would take away (e.g. <c>build-essential</c> with its compilers).
/// </summary>
/// <remarks>
/// A relation with alternatives (<c>a | b</c>) is satisfied by its first installed alternative, directly or through
/// <c>Provides</c>, as apt would have picked it. A dependency belongs to a package's set when every installed
/// package that depends on it is in the set too, checked again after each removal until nothing changes. Base-system
/// packages (<c>Essential</c> or <c>Priority: required</c>) are never part of a set, nor walked through: other
/// packages rely on them without declaring it, and removing a package does not remove them. Above
/// <see cref="MaxPackages"/> installed packages nothing is attributed.
/// </remarks>
public static class DependencyClosure
{
    /// <summary>
    /// Most packages a database may list for dependencies to be attributed; each package's set costs a walk of the
    /// graph, so a hostile status file of tens of thousands of stanzas is not walked. Real images list a few hundred.
    /// </summary>
    public const int MaxPackages = 5_000;

    /// <summary>The exclusive dependencies of each package that has any, by package name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Compute(IReadOnlyList<InstalledPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        if (packages.Count > MaxPackages)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        var byName = new Dictionary<string, InstalledPackage>(StringComparer.Ordinal);
        var providers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            byName[package.Name] = package;
            foreach (var provided in package.Provides)
            {
                providers.TryAdd(provided, package.Name);
            }
        }

        var needs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var neededBy = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var package in byName.Values)
        {
            var set = needs[package.Name] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relation in package.Dependencies)
            {
                var target = Resolve(relation, byName, providers);
                if (target is not null && target != package.Name && set.Add(target))
                {
                    (neededBy.TryGetValue(target, out var users) ? users : neededBy[target] = []).Add(package.Name);
                }
            }
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var package in byName.Values)
        {
            var exclusive = Exclusive(package.Name, byName, needs, neededBy);
            if (exclusive.Count > 0)
            {
                result[package.Name] = exclusive;
            }
        }

        return result;
    }

    private static string? Resolve(
        IReadOnlyList<string> alternatives, Dictionary<string, InstalledPackage> byName,
        Dictionary<string, string> providers)
    {
        foreach (var name in alternatives)
        {
            if (byName.ContainsKey(name))
            {
                return name;
            }

            if (providers.TryGetValue(name, out var provider))
            {
                return provider;
            }
        }

        return null;
    }

    private static List<string> Exclusive(
        string root, Dictionary<string, InstalledPackage> byName, Dictionary<string, HashSet<string>> needs,
        Dictionary<string, HashSet<string>> neededBy)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { root };
        var pending = new Queue<string>([root]);
        while (pending.TryDequeue(out var name))
        {
            foreach (var dependency in needs[name])
            {
                if (!byName[dependency].IsBaseSystem && set.Add(dependency))
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        // A removal can only change the verdict on what the removed package needs, so only those are checked again.
        var check = new Queue<string>(set.Where(name => name != root));
        while (check.TryDequeue(out var dependency))
        {
            if (set.Contains(dependency) && neededBy.TryGetValue(dependency, out var users)
                && !users.All(set.Contains))
            {
                set.Remove(dependency);
                foreach (var next in needs[dependency])
                {
                    if (next != root && set.Contains(next))
                    {
                        check.Enqueue(next);
                    }
                }
            }
        }

        set.Remove(root);
        return [.. set.Order(StringComparer.Ordinal)];
    }
}
