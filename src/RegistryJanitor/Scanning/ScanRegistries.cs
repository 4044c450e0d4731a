using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Options;

namespace RegistryJanitor.Scanning;

/// <summary>
/// The configured registries (the validated <c>Registries</c> list) as scan command and jobs see them.
/// </summary>
public sealed class ScanRegistries
{
    public ScanRegistries(IOptions<RegistriesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        All = [.. options.Value.Registries];
    }

    public ScanRegistries(IReadOnlyList<RegistryOptions> registries) => All = registries;

    public IReadOnlyList<RegistryOptions> All { get; }

    public RegistryOptions? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
}
