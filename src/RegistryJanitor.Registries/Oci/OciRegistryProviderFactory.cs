using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Providers;

namespace RegistryJanitor.Registries.Oci;

/// <summary>Creates <see cref="OciRegistryProvider"/>s for registries configured with <c>Provider: Oci</c>.</summary>
internal sealed class OciRegistryProviderFactory : IRegistryProviderFactory
{
    private readonly OciRegistryClientFactory clientFactory;

    public OciRegistryProviderFactory(OciRegistryClientFactory clientFactory) => this.clientFactory = clientFactory;

    public RegistryProvider Provider => RegistryProvider.Oci;

    public IRegistryProvider Create(RegistryOptions registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new OciRegistryProvider(registry.Name, clientFactory.Create(registry), registry.Repositories.ToList());
    }
}
