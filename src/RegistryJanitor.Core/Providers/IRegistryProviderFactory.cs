using RegistryJanitor.Core.Configuration;

namespace RegistryJanitor.Core.Providers;

/// <summary>Creates the provider for a configured registry; one implementation per provider kind.</summary>
public interface IRegistryProviderFactory
{
    /// <summary>The provider kind this factory creates.</summary>
    RegistryProvider Provider { get; }

    /// <summary>Creates a provider for <paramref name="registry"/>; cheap, holds per-registry auth state.</summary>
    IRegistryProvider Create(RegistryOptions registry);
}
