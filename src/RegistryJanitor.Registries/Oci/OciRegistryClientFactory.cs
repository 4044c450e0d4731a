using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Registries.Auth;
using RegistryJanitor.Registries.Http;

namespace RegistryJanitor.Registries.Oci;

/// <summary>
/// Builds the <see cref="OciRegistryClient"/> of a registry from pooled <see cref="HttpClient"/>s. Other
/// providers (ACR, ECR) reuse it for the <c>/v2/</c> part of their work.
/// </summary>
public sealed class OciRegistryClientFactory
{
    private readonly IHttpClientFactory httpClientFactory;
    private readonly HostConcurrencyLimits concurrencyLimits;
    private readonly TimeProvider timeProvider;
    private readonly ILoggerFactory loggerFactory;

    public OciRegistryClientFactory(
        IHttpClientFactory httpClientFactory,
        HostConcurrencyLimits concurrencyLimits,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        this.httpClientFactory = httpClientFactory;
        this.concurrencyLimits = concurrencyLimits;
        this.timeProvider = timeProvider;
        this.loggerFactory = loggerFactory;
    }

    internal OciRegistryClient Create(RegistryOptions registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var url = registry.Url ?? throw new ArgumentException($"Registry '{registry.Name}' has no Url.",
            nameof(registry));
        concurrencyLimits.Register(url.Authority, registry.MaxConcurrency);
        var logger = loggerFactory.CreateLogger<OciRegistryClient>();
        var authenticator = new RegistryAuthenticator(
            registry.Name,
            RegistryCredentials.Resolve(registry),
            httpClientFactory.CreateClient(OciRegistryClient.TokenClientName),
            timeProvider,
            logger);
        return new OciRegistryClient(
            registry.Name,
            url,
            httpClientFactory.CreateClient(OciRegistryClient.HttpClientName),
            authenticator,
            logger);
    }
}
