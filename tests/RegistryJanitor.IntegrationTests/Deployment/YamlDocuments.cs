using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// Reads YAML into plain dictionaries, lists and strings, with merge keys (<c>&lt;&lt;: *anchor</c>) resolved
/// as Docker Compose resolves them.
/// </summary>
internal static class YamlDocuments
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of a YAML stream (kubectl kustomize prints one per resource).</summary>
    public static IReadOnlyList<YamlNode> LoadAll(string yaml)
    {
        var parser = new MergingParser(new Parser(new StringReader(yaml)));
        var documents = new List<YamlNode>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = Deserializer.Deserialize<object?>(parser);
            if (document is not null)
            {
                documents.Add(new YamlNode(document, "$"));
            }
        }

        return documents;
    }

    public static YamlNode Load(string yaml)
    {
        var documents = LoadAll(yaml);
        Assert.Single(documents);
        return documents[0];
    }
}
