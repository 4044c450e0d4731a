using Amazon.Runtime;
using Azure.Core;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Acr;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Ecr;
using RegistryJanitor.Registries.Oci;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>Creates the ACR and ECR providers for configured registries.</summary>
public sealed class CloudRegistryProviderFactory
{
    /// <summary>The named HttpClient (automatic redirects off) every cloud provider call goes through.</summary>
    public const string HttpClientName = "RegistryJanitor.Cloud";

    /// <summary>
    /// The named client under the providers' <c>/v2</c> calls: redirects off, per-host limits, retries and request
    /// counting as for the generic provider.
    /// </summary>
    public const string RegistryHttpClientName = "RegistryJanitor.Cloud.Registry";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IHttpMessageHandlerFactory _handlerFactory;
    private readonly Func<TokenCredential> _azureCredential;
    private readonly IAwsCredentialSource _awsCredentials;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;

    public CloudRegistryProviderFactory(
        IHttpClientFactory httpClientFactory,
        IHttpMessageHandlerFactory handlerFactory,
        Func<TokenCredential> azureCredential,
        IAwsCredentialSource awsCredentials,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        _httpClientFactory = httpClientFactory;
        _handlerFactory = handlerFactory;
        _azureCredential = azureCredential;
        _awsCredentials = awsCredentials;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
    }

    /// <summary>True for the providers this factory creates.</summary>
    public static bool Supports(RegistryProvider provider) => provider is RegistryProvider.Acr or RegistryProvider.Ecr;

    /// <summary>The provider for <paramref name="options"/>; the caller disposes it after the scan.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid (the message names it).</exception>
    public IRegistryProvider Create(RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            RegistryProvider.Acr => CreateAcr(options),
            RegistryProvider.Ecr => CreateEcr(options),
            _ => throw new ArgumentException($"Provider {options.Provider} is not a cloud provider.", nameof(options)),
        };
    }

    /// <summary>Creates the ACR provider.</summary>
    public AcrRegistryProvider CreateAcr(RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = AcrSettings.FromOptions(options);
        var logger = _loggerFactory.CreateLogger<AcrRegistryProvider>();
        var credential = settings.Mode == AcrAuthMode.EntraId || settings.ResourceId is not null
            ? _azureCredential()
            : null;
        var tokens = new AcrTokenService(
            _httpClientFactory.CreateClient(HttpClientName), settings, credential, _timeProvider, logger);
        var handler = new RedirectingHandler(logger)
        {
            InnerHandler = new AcrAuthenticationHandler(tokens, settings.Registry, logger)
            {
                InnerHandler = _handlerFactory.CreateHandler(RegistryHttpClientName),
            },
        };

        // The pooled inner handler belongs to the factory, so the client must not dispose the chain; the
        // delegating handlers hold nothing to release.
        var registryClient = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new AcrClient(registryClient, settings, logger);
        var arm = new AcrArmClient(_httpClientFactory.CreateClient(HttpClientName), settings, credential, logger);
        var oci = new OciRegistryClient(
            options.Name, settings.Registry, registryClient, null, _loggerFactory.CreateLogger<OciRegistryClient>());
        return new AcrRegistryProvider(options, client, arm, tokens, registryClient, oci);
    }

    /// <summary>Creates the ECR provider.</summary>
    public EcrRegistryProvider CreateEcr(RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = EcrSettings.FromOptions(options);
        var logger = _loggerFactory.CreateLogger<EcrRegistryProvider>();
        var password = SecretReader.ReadPassword(options);
        IAwsCredentialSource credentials = !string.IsNullOrEmpty(options.Username) && password is not null
            ? new StaticAwsCredentialSource(new ImmutableCredentials(options.Username, password, null))
            : _awsCredentials;

        var api = new EcrClient(
            _httpClientFactory.CreateClient(HttpClientName), settings, credentials, _timeProvider, logger);
        var registry = new EcrRegistryClient(api, _timeProvider);
        var metrics = new CloudWatchPullMetricsClient(
            _httpClientFactory.CreateClient(HttpClientName), settings.Monitoring, credentials, _timeProvider, logger);
        var handler = new RedirectingHandler(logger)
        {
            InnerHandler = new EcrAuthenticationHandler(registry)
            {
                InnerHandler = _handlerFactory.CreateHandler(RegistryHttpClientName),
            },
        };
        var registryClient = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var registryUri = options.Url ?? throw new InvalidOperationException(
            $"Registry '{options.Name}': Url (the ECR registry host) is required.");
        var oci = new OciRegistryClient(
            options.Name, registryUri, registryClient, null, _loggerFactory.CreateLogger<OciRegistryClient>());
        return new EcrRegistryProvider(
            options, api, registry, metrics, settings.PullMetricDays, registryClient, oci, logger);
    }
}
