using System.Globalization;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// One value of a parsed YAML document with its path, so a failed lookup says where it looked.
/// </summary>
internal sealed class YamlNode(object value, string path)
{
    public object Value { get; } = value;

    public string Path { get; } = path;

    public bool IsMapping => Value is IDictionary<object, object>;

    public bool Has(string key) => Value is IDictionary<object, object> mapping && mapping.ContainsKey(key);

    /// <summary>The value under a key; fails the test when the key is absent.</summary>
    public YamlNode this[string key]
    {
        get
        {
            var child = Find(key);
            Assert.True(child is not null, $"{Path}.{key} is missing");
            return child;
        }
    }

    public YamlNode? Find(string key)
    {
        if (Value is IDictionary<object, object> mapping && mapping.TryGetValue(key, out var child)
            && child is not null)
        {
            return new YamlNode(child, $"{Path}.{key}");
        }

        return null;
    }

    /// <summary>Follows a dotted path of keys (<c>spec.template.spec</c>).</summary>
    public YamlNode At(string dottedPath) =>
        dottedPath.Split('.').Aggregate(this, (node, key) => node[key]);

    public YamlNode? FindAt(string dottedPath)
    {
        YamlNode? node = this;
        foreach (var key in dottedPath.Split('.'))
        {
            node = node?.Find(key);
        }

        return node;
    }

    public IReadOnlyList<YamlNode> Items()
    {
        Assert.True(Value is IList<object>, $"{Path} is not a list");
        return ((IList<object>)Value).Select((item, index) => new YamlNode(item, $"{Path}[{index}]")).ToList();
    }

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries()
    {
        Assert.True(IsMapping, $"{Path} is not a mapping");
        return ((IDictionary<object, object>)Value)
            .Select(pair => new KeyValuePair<string, YamlNode>(
                pair.Key.ToString()!, new YamlNode(pair.Value ?? string.Empty, $"{Path}.{pair.Key}")))
            .ToList();
    }

    public string Text()
    {
        Assert.True(Value is string, $"{Path} is not a scalar");
        return (string)Value;
    }

    public int Integer() => int.Parse(Text(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public bool Boolean() => bool.Parse(Text());

    /// <summary>A scalar or a list of scalars, as a list (Compose accepts both for several settings).</summary>
    public IReadOnlyList<string> Texts() =>
        Value is string single ? [single] : Items().Select(item => item.Text()).ToList();

    public override string ToString() => $"{Path} = {Value}";
}
