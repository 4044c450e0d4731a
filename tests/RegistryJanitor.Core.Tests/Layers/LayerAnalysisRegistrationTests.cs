using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegistryJanitor.Registries.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class LayerAnalysisRegistrationTests
{
    [Fact]
    public void AddLayerAnalysis_ConfiguredCaps_AreBoundIntoTheReaderOptions()
    {
        using var provider = Build(new() { ["LayerAnalysis:Reader:MaxEntries"] = "1234" });

        var options = provider.GetRequiredService<IOptions<LayerReaderOptions>>().Value;

        Assert.Equal(1234, options.MaxEntries);
        Assert.NotNull(provider.GetRequiredService<LayerStreamReader>());
    }

    [Fact]
    public void AddLayerAnalysis_ZeroEntryCap_FailsValidationNamingTheSetting()
    {
        using var provider = Build(new() { ["LayerAnalysis:Reader:MaxEntries"] = "0" });

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<LayerReaderOptions>>().Value);

        Assert.Contains(nameof(LayerReaderOptions.MaxEntries), exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLayerAnalysis(configuration).BuildServiceProvider();
    }
}
