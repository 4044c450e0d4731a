using System.Text.RegularExpressions;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>
/// ECR settings read from <see cref="RegistryOptions.Settings"/> of a registry with <c>Provider: Ecr</c>.
/// <see cref="RegistryOptions.Url"/> is the registry host, <c>https://{account}.dkr.ecr.{region}.amazonaws.com</c>.
/// </summary>
internal sealed partial class EcrSettings
{
    /// <summary>Settings key: AWS region. Default: taken from the registry host name. Required otherwise.</summary>
    public const string RegionKey = "Region";

    /// <summary>Settings key: account id (registryId). Default: the host's first label; none for other hosts.</summary>
    public const string RegistryIdKey = "RegistryId";

    /// <summary>Settings key: ECR API endpoint. Default <c>https://api.ecr.{region}.amazonaws.com/</c>.</summary>
    public const string EndpointKey = "Endpoint";

    /// <summary>Settings key: CloudWatch endpoint. Default <c>https://monitoring.{region}.amazonaws.com/</c>.</summary>
    public const string MonitoringEndpointKey = "MonitoringEndpoint";

    /// <summary>Settings key: retries after the first attempt for throttling and 5xx. Default 5.</summary>
    public const string MaxRetriesKey = "MaxRetries";

    /// <summary>
    /// Settings key: first backoff delay (TimeSpan), doubled per retry with jitter. Default 00:00:01.
    /// </summary>
    public const string RetryBaseDelayKey = "RetryBaseDelay";

    /// <summary>
    /// Settings key: <c>maxResults</c> per DescribeRepositories/DescribeImages page (1-1000). Default 1000.
    /// </summary>
    public const string PageSizeKey = "PageSize";

    /// <summary>Settings key: days of CloudWatch pull counts to read (1-455). Default 31.</summary>
    public const string PullMetricDaysKey = "PullMetricDays";

    public required string Region { get; init; }

    public string? RegistryId { get; init; }

    public required AwsEndpoint Api { get; init; }

    public required AwsEndpoint Monitoring { get; init; }

    public int PageSize { get; init; } = 1000;

    public int PullMetricDays { get; init; } = 31;

    public static EcrSettings FromOptions(RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hostMatch = options.Url is null ? null : EcrHost().Match(options.Url.Host);
        var region = ProviderSettings.GetString(options, RegionKey)
            ?? (hostMatch is { Success: true } ? hostMatch.Groups["region"].Value : null)
            ?? throw ProviderSettings.Invalid(options, RegionKey, "is required when the URL is not an ECR host");
        var registryId = ProviderSettings.GetString(options, RegistryIdKey)
            ?? (hostMatch is { Success: true } ? hostMatch.Groups["account"].Value : null);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        var maxRetries = ProviderSettings.GetInt(options, MaxRetriesKey, 5, 0, 20);
        var baseDelay = ProviderSettings.GetTimeSpan(options, RetryBaseDelayKey, TimeSpan.FromSeconds(1));

        var api = ProviderSettings.GetUri(options, EndpointKey) ?? new Uri($"https://api.ecr.{region}.{suffix}/");
        var monitoring = ProviderSettings.GetUri(options, MonitoringEndpointKey)
            ?? new Uri($"https://monitoring.{region}.{suffix}/");
        return new EcrSettings
        {
            Region = region,
            RegistryId = registryId,
            Api = new AwsEndpoint(api, region, "ecr", "AmazonEC2ContainerRegistry_V20150921", maxRetries, baseDelay),
            Monitoring = new AwsEndpoint(monitoring, region, "monitoring", string.Empty, maxRetries, baseDelay),
            PageSize = ProviderSettings.GetInt(options, PageSizeKey, 1000, 1, 1000),
            PullMetricDays = ProviderSettings.GetInt(options, PullMetricDaysKey, 31, 1, 455),
        };
    }

    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?$")]
    private static partial Regex EcrHost();
}
