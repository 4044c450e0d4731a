using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Http;
using RegistryJanitor.Registries.Oci;

namespace RegistryJanitor.Registries;

/// <summary>Registers the registry HTTP clients, their resilience pipeline and the generic OCI provider.</summary>
public static class RegistriesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="OciRegistryClientFactory"/>, the <c>Oci</c> <see cref="IRegistryProviderFactory"/> and
    /// the named HTTP clients (rate limited per host, retried with exponential backoff and jitter, honouring
    /// <c>Retry-After</c>). Options: section <c>RegistryClient</c>.
    /// </summary>
    public static IServiceCollection AddRegistryClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddRegistryHttpBasics(services, configuration);
        services.TryAddSingleton<OciRegistryClientFactory>();
        services.AddSingleton<IRegistryProviderFactory, OciRegistryProviderFactory>();
        AddRegistryHttpClient(services, OciRegistryClient.HttpClientName, followRedirects: true);
        AddRegistryHttpClient(services, OciRegistryClient.TokenClientName, followRedirects: true);
        return services;
    }

    /// <summary>
    /// Adds what every registry HTTP client shares: <c>RegistryClient</c> options, per-host concurrency limits and
    /// the request counter. Safe to call more than once.
    /// </summary>
    internal static void AddRegistryHttpBasics(IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RegistryRequestCounter)))
        {
            return;
        }

        services.AddOptions<RegistryClientOptions>()
            .Bind(configuration.GetSection(RegistryClientOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Polly logs every attempt at Information; retries are logged by this project's own warning (3003).
        services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.Warning));
        services.TryAddSingleton<HostConcurrencyLimits>();
        services.TryAddSingleton<RegistryRequestCounter>();
    }

    /// <summary>
    /// Adds a named client for registry <c>/v2</c> traffic: limited per host, retried with backoff and jitter
    /// (honouring <c>Retry-After</c>), each attempt counted. Cloud providers follow redirects themselves, so that
    /// the Authorization header never travels to blob storage: they pass <paramref name="followRedirects"/> false.
    /// </summary>
    internal static void AddRegistryHttpClient(IServiceCollection services, string name, bool followRedirects)
    {
        var builder = services.AddHttpClient(name, client =>
            {
                // The resilience pipeline owns timeouts; blob streams may legitimately take long.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("RegistryJanitor/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = followRedirects,
                MaxAutomaticRedirections = 5,
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(15),
            });
        builder.AddResilienceHandler("registry", ConfigurePipeline);

        // Inside the resilience handler, so every attempt is counted.
        builder.AddHttpMessageHandler(
            provider => new CountingHandler(provider.GetRequiredService<RegistryRequestCounter>()));
    }

    private static void ConfigurePipeline(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<RegistryClientOptions>>().Value;
        var limits = context.ServiceProvider.GetRequiredService<HostConcurrencyLimits>();
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("RegistryJanitor.Http");
        builder.AddRateLimiter(new HttpRateLimiterStrategyOptions
        {
            RateLimiter = args =>
            {
                var authority = args.Context.GetRequestMessage()?.RequestUri?.Authority ?? string.Empty;
                return limits.For(authority).AcquireAsync(1, args.Context.CancellationToken);
            },
        });
        builder.AddTimeout(options.TotalTimeout);
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldRetryAfterHeader = true,
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var outcome = args.Outcome.Result is { } response
                    ? ((int)response.StatusCode).ToString()
                    : args.Outcome.Exception?.GetType().Name ?? "unknown";
                Log.Retrying(
                    logger,
                    request?.Method.Method ?? string.Empty,
                    request?.RequestUri?.Authority ?? string.Empty,
                    outcome,
                    args.AttemptNumber + 1,
                    args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
    }
}
