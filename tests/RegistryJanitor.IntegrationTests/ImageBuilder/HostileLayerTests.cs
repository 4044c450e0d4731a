using System.Formats.Tar;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class HostileLayerTests
{
    [Fact]
    public async Task Raw_TraversalAndVeryLongNames_AreWrittenVerbatim()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var longName = string.Concat(Enumerable.Repeat("deep/", 2000)) + "file";
        var traversal = new LayerEntry(
            LayerEntryKind.File, "../../etc/passwd", "root:x:0:0"u8.ToArray(), null, (UnixFileMode)420, 0, 0);
        var absurd = traversal with { Path = longName };

        var layer = TestLayer.Create(l => l.Raw(traversal).Raw(absurd));

        var names = new List<string>();
        using var reader = new TarReader(new MemoryStream(layer.Tar.ToArray()));
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            names.Add(entry.Name);
        }

        Assert.Equal(["../../etc/passwd", longName], names);
    }
}
