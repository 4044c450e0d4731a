using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Acr;

/// <summary>
/// Plugs <see cref="AcrRegistryProvider"/> into the scanner for registries with <c>Provider: Acr</c>.
/// </summary>
internal sealed class AcrRegistryProviderFactory : IRegistryProviderFactory
{
    private readonly CloudRegistryProviderFactory _cloud;

    public AcrRegistryProviderFactory(CloudRegistryProviderFactory cloud) => _cloud = cloud;

    public RegistryProvider Provider => RegistryProvider.Acr;

    public IRegistryProvider Create(RegistryOptions registry) => _cloud.CreateAcr(registry);
}
