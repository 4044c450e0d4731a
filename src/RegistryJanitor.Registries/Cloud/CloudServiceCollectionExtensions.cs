using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Acr;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Ecr;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>DI registration of the Azure Container Registry and Amazon ECR providers.</summary>
public static class CloudServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CloudRegistryProviderFactory"/>, its named HttpClient (automatic redirects off, so
    /// storage redirects are followed without credentials), the AWS default credential chain and a lazily
    /// created <see cref="DefaultAzureCredential"/>. Registrations made earlier (e.g. test credentials) win.
    /// Also adds the <c>Acr</c> and <c>Ecr</c> <see cref="IRegistryProviderFactory"/>s the scanner picks by
    /// <c>Provider</c>.
    /// </summary>
    public static IServiceCollection AddCloudProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddHttpClient(CloudRegistryProviderFactory.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });

        // Registry /v2 traffic of the cloud providers takes the same limits, retries and request counting as the
        // generic provider's.
        RegistriesServiceCollectionExtensions.AddRegistryHttpBasics(services, configuration);
        RegistriesServiceCollectionExtensions.AddRegistryHttpClient(
            services, CloudRegistryProviderFactory.RegistryHttpClientName, followRedirects: false);
        services.TryAddSingleton<IAwsCredentialSource, DefaultAwsCredentialSource>();
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton<Func<TokenCredential>>(provider => provider.GetRequiredService<TokenCredential>);
        services.TryAddSingleton<CloudRegistryProviderFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRegistryProviderFactory, AcrRegistryProviderFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRegistryProviderFactory, EcrRegistryProviderFactory>());
        return services;
    }
}
