using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Polly;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Aws;

/// <summary>
/// CloudWatch <c>GetMetricData</c> over the Query protocol (form body, XML answer, signing name
/// <c>monitoring</c>) for ECR's <c>RepositoryPullCount</c> per repository per day.
/// </summary>
/// <remarks>
/// One call carries up to 500 metric queries (the service limit), one per repository; pages are followed by
/// <c>NextToken</c>, which is also how CloudWatch continues a <c>PartialData</c> result.
/// </remarks>
public sealed class CloudWatchPullMetricsClient
{
    private const int MaxQueriesPerCall = 500;
    private const string Namespace = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static readonly MediaTypeHeaderValue FormContentType =
        MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");

    private readonly HttpClient _httpClient;
    private readonly AwsEndpoint _endpoint;
    private readonly IAwsCredentialSource _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline _retry;

    internal CloudWatchPullMetricsClient(
        HttpClient httpClient,
        AwsEndpoint endpoint,
        IAwsCredentialSource credentials,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _httpClient = httpClient;
        _endpoint = endpoint;
        _credentials = credentials;
        _timeProvider = timeProvider;
        _retry = AwsRetry.Create(endpoint.MaxRetries, endpoint.RetryBaseDelay, timeProvider, logger);
    }

    /// <summary>
    /// Daily pull counts of <paramref name="repositories"/> from <paramref name="start"/> (inclusive) on.
    /// </summary>
    /// <param name="repositories">Repository names.</param>
    /// <param name="start">First day (UTC midnight).</param>
    /// <param name="end">End of the range (exclusive, UTC midnight).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="CloudProviderException">CloudWatch refused or failed, e.g. 403 AccessDenied.</exception>
    public async Task<IReadOnlyList<DailyPullCount>> GetDailyPullCountsAsync(
        IReadOnlyList<string> repositories,
        DateOnly start,
        DateOnly end,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        var counts = new List<DailyPullCount>();
        foreach (var chunk in repositories.Distinct(StringComparer.Ordinal).Chunk(MaxQueriesPerCall))
        {
            string? nextToken = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            do
            {
                var body = BuildRequestBody(chunk, start, end, nextToken);
                var xml = await _retry.ExecuteAsync(
                    "GetMetricData", token => SendOnceAsync(body, token), cancellationToken);
                nextToken = ReadPage(xml, chunk, counts);
                if (nextToken is not null && !seen.Add(nextToken))
                {
                    throw new CloudProviderException("GetMetricData returned a NextToken it had already returned.");
                }
            }
            while (nextToken is not null);
        }

        return counts;
    }

    /// <summary>The form body of one call; query ids are <c>m0</c>, <c>m1</c>… in repository order.</summary>
    internal static string BuildRequestBody(
        IReadOnlyList<string> repositories,
        DateOnly start,
        DateOnly end,
        string? next)
    {
        var fields = new List<(string, string)>
        {
            ("Action", "GetMetricData"),
            ("Version", "2010-08-01"),
            ("StartTime", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z"),
            ("EndTime", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z"),
            ("ScanBy", "TimestampAscending"),
        };
        for (var index = 0; index < repositories.Count; index++)
        {
            var prefix = $"MetricDataQueries.member.{index + 1}.";
            fields.Add((prefix + "Id", "m" + index.ToString(CultureInfo.InvariantCulture)));
            fields.Add((prefix + "MetricStat.Metric.Namespace", "AWS/ECR"));
            fields.Add((prefix + "MetricStat.Metric.MetricName", "RepositoryPullCount"));
            fields.Add((prefix + "MetricStat.Metric.Dimensions.member.1.Name", "RepositoryName"));
            fields.Add((prefix + "MetricStat.Metric.Dimensions.member.1.Value", repositories[index]));
            fields.Add((prefix + "MetricStat.Period", "86400"));
            fields.Add((prefix + "MetricStat.Stat", "Sum"));
            fields.Add((prefix + "ReturnData", "true"));
        }

        if (next is not null)
        {
            fields.Add(("NextToken", next));
        }

        return string.Join(
            '&', fields.Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
    }

    /// <summary>Adds the data points of one XML page to <paramref name="counts"/> and returns its NextToken.</summary>
    internal static string? ReadPage(string xml, IReadOnlyList<string> repositories, List<DailyPullCount> counts)
    {
        XNamespace ns = Namespace;
        var document = XDocument.Parse(xml);
        var result = document.Root?.Element(ns + "GetMetricDataResult");
        foreach (var member in result?.Element(ns + "MetricDataResults")?.Elements(ns + "member") ?? [])
        {
            var id = member.Element(ns + "Id")?.Value;
            if (id is null || !id.StartsWith('m')
                || !int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || index >= repositories.Count)
            {
                continue;
            }

            var status = member.Element(ns + "StatusCode")?.Value;
            if (status is "Forbidden" or "InternalError")
            {
                throw new CloudProviderException($"GetMetricData answered {status} for {repositories[index]}.");
            }

            var timestamps = Members(member.Element(ns + "Timestamps"), ns);
            var values = Members(member.Element(ns + "Values"), ns);
            for (var point = 0; point < Math.Min(timestamps.Length, values.Length); point++)
            {
                var day = DateOnly.FromDateTime(
                    DateTimeOffset.Parse(timestamps[point], CultureInfo.InvariantCulture).UtcDateTime);
                var value = double.Parse(values[point], NumberStyles.Float, CultureInfo.InvariantCulture);
                counts.Add(new DailyPullCount(repositories[index], day, (long)Math.Round(value)));
            }
        }

        var next = result?.Element(ns + "NextToken")?.Value;
        return string.IsNullOrEmpty(next) ? null : next;
    }

    private static string[] Members(XElement? list, XNamespace ns) =>
        list?.Elements(ns + "member").Select(e => e.Value).ToArray() ?? [];

    private async Task<string> SendOnceAsync(string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint.Url);
        message.Content = new ByteArrayContent(bytes);
        message.Content.Headers.ContentType = FormContentType;

        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        SigV4Signer.Sign(
            message, bytes, credentials, _endpoint.Region, _endpoint.SigningName, _timeProvider.GetUtcNow());

        using var response = await _httpClient.SendAsync(message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var (code, errorMessage) = ReadQueryError(text);
            throw new CloudProviderException("GetMetricData", response.StatusCode, code, errorMessage);
        }

        return text;
    }

    private static (string? Code, string? Message) ReadQueryError(string text)
    {
        try
        {
            var error = XDocument.Parse(text).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            return (error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value,
                error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value);
        }
        catch (System.Xml.XmlException)
        {
            return (null, text.Length > 300 ? text[..300] : text);
        }
    }
}
