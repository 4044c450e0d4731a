using Microsoft.Extensions.Configuration;
using RegistryJanitor.Core.Configuration;

namespace RegistryJanitor.Scanning;

/// <summary>The configured registries (section <c>Registries</c>), as the scan command and jobs see them.</summary>
public sealed class ScanRegistries
{
    public const string SectionName = "Registries";

    public ScanRegistries(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        All = configuration.GetSection(SectionName).Get<List<RegistryOptions>>() ?? [];
    }

    public ScanRegistries(IReadOnlyList<RegistryOptions> registries) => All = registries;

    public IReadOnlyList<RegistryOptions> All { get; }

    public RegistryOptions? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
