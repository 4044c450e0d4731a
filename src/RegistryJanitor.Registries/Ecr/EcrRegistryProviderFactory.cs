using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>
/// Plugs <see cref="EcrRegistryProvider"/> into the scanner for registries with <c>Provider: Ecr</c>.
/// </summary>
internal sealed class EcrRegistryProviderFactory : IRegistryProviderFactory
{
    private readonly CloudRegistryProviderFactory _cloud;

    public EcrRegistryProviderFactory(CloudRegistryProviderFactory cloud) => _cloud = cloud;

    public RegistryProvider Provider => RegistryProvider.Ecr;

    public IRegistryProvider Create(RegistryOptions registry) => _cloud.CreateEcr(registry);
}
