using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Acr;

/// <summary>
/// Azure Resource Manager reads about a registry: billed storage (<c>listUsages</c>, the <c>Size</c> entry) and
/// registry-wide daily pulls (Azure Monitor <c>TotalPullCount</c>). Needs Reader and Monitoring Reader; a 401 or
/// 403 makes the figure unavailable rather than failing the scan.
/// </summary>
public sealed class AcrArmClient
{
    public const string UsageSource = "azure:listUsages";
    public const string PullSource = "azure-monitor:TotalPullCount";

    private readonly HttpClient _httpClient;
    private readonly AcrSettings _settings;
    private readonly TokenCredential? _credential;
    private readonly ILogger _logger;

    internal AcrArmClient(HttpClient httpClient, AcrSettings settings, TokenCredential? credential, ILogger logger)
    {
        _httpClient = httpClient;
        _settings = settings;
        _credential = credential;
        _logger = logger;
    }

    /// <summary>The storage Azure bills for the registry, in bytes.</summary>
    public async Task<ProviderStatistic<long>> GetBilledStorageBytesAsync(CancellationToken cancellationToken)
    {
        using var document = await GetAsync(UsageSource, "/listUsages?api-version=2023-07-01", cancellationToken);
        if (document.UnavailableReason is { } unavailable)
        {
            return new ProviderStatistic<long>(default, false, UsageSource, unavailable);
        }

        foreach (var usage in CloudJson.Array(document.Json!.RootElement, "value"))
        {
            var name = CloudJson.String(usage, "name")
                ?? (CloudJson.Object(usage, "name") is { } nameObject ? CloudJson.String(nameObject, "value") : null);
            if (string.Equals(name, "Size", StringComparison.Ordinal)
                && CloudJson.Int64(usage, "currentValue") is { } bytes)
            {
                return new ProviderStatistic<long>(bytes, true, UsageSource, null);
            }
        }

        return new ProviderStatistic<long>(default, false, UsageSource, "listUsages had no Size entry");
    }

    /// <summary>Registry-wide pulls per day in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public async Task<ProviderStatistic<IReadOnlyList<DailyRegistryPullCount>>> GetDailyPullCountsAsync(
        DateOnly start,
        DateOnly end,
        CancellationToken cancellationToken)
    {
        var timespan = Uri.EscapeDataString(
            start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z" + "/"
            + end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z");
        var query = "/providers/Microsoft.Insights/metrics?api-version=2018-01-01&metricnames=TotalPullCount"
                    + $"&timespan={timespan}&interval=P1D&aggregation=Total";
        using var document = await GetAsync(PullSource, query, cancellationToken);
        if (document.UnavailableReason is { } unavailable)
        {
            return new ProviderStatistic<IReadOnlyList<DailyRegistryPullCount>>(
                default, false, PullSource, unavailable);
        }

        var counts = new List<DailyRegistryPullCount>();
        foreach (var metric in CloudJson.Array(document.Json!.RootElement, "value"))
        {
            foreach (var series in CloudJson.Array(metric, "timeseries"))
            {
                foreach (var point in CloudJson.Array(series, "data"))
                {
                    if (CloudJson.Iso8601(point, "timeStamp") is { } stamp
                        && CloudJson.Double(point, "total") is { } total)
                    {
                        counts.Add(new DailyRegistryPullCount(
                            DateOnly.FromDateTime(stamp.UtcDateTime), (long)Math.Round(total)));
                    }
                }
            }
        }

        return new ProviderStatistic<IReadOnlyList<DailyRegistryPullCount>>(counts, true, PullSource, null);
    }

    private async Task<ArmResult> GetAsync(string statistic, string pathAndQuery, CancellationToken cancellationToken)
    {
        if (_settings.ResourceId is null || _credential is null)
        {
            return new ArmResult(null, $"{AcrSettings.ResourceIdKey} setting or Entra ID credential not configured");
        }

        var scope = _settings.ArmEndpoint.GetLeftPart(UriPartial.Authority) + "/.default";
        var token = await _credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
        var uri = new Uri(_settings.ArmEndpoint, _settings.ResourceId.TrimStart('/') + pathAndQuery);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        using var response = await _httpClient.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            CloudLog.AzureStatisticUnavailable(_logger, statistic, _settings.Service, response.StatusCode);
            var code = ReadArmErrorCode(text);
            return new ArmResult(null, $"HTTP {(int)response.StatusCode} {code}".TrimEnd());
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CloudProviderException(statistic, response.StatusCode, ReadArmErrorCode(text), null);
        }

        return new ArmResult(JsonDocument.Parse(text), null);
    }

    private static string? ReadArmErrorCode(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("error", out var error)
                   && error.ValueKind == JsonValueKind.Object
                ? CloudJson.String(error, "code")
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ArmResult(JsonDocument? Json, string? UnavailableReason) : IDisposable
    {
        public void Dispose() => Json?.Dispose();
    }
}
