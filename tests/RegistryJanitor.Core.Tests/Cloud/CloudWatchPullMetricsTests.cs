using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Cloud;
using Xunit;

namespace RegistryJanitor.Core.Tests.Cloud;

/// <summary>Shapes from botocore cloudwatch/2010-08-01/service-2.json (GetMetricData, Query protocol).</summary>
public sealed class CloudWatchPullMetricsTests
{
    [Fact]
    public void BuildRequestBody_TwoRepositories_EncodesOneQueryPerRepository()
    {
        var body = CloudWatchPullMetricsClient.BuildRequestBody(
            ["app", "team/api"], new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), next: null);

        var fields = body.Split('&').Select(Uri.UnescapeDataString).ToArray();
        Assert.Contains("Action=GetMetricData", fields);
        Assert.Contains("Version=2010-08-01", fields);
        Assert.Contains("StartTime=2024-01-01T00:00:00Z", fields);
        Assert.Contains("EndTime=2024-02-01T00:00:00Z", fields);
        Assert.Contains("MetricDataQueries.member.1.Id=m0", fields);
        Assert.Contains("MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Value=team/api", fields);
        Assert.Contains("MetricDataQueries.member.2.MetricStat.Metric.Namespace=AWS/ECR", fields);
        Assert.Contains("MetricDataQueries.member.1.MetricStat.Period=86400", fields);
        Assert.Contains("MetricDataQueries.member.1.MetricStat.Stat=Sum", fields);
        Assert.Contains("MetricDataQueries.member.2.MetricStat.Metric.Namespace=AWS%2FECR", body.Split('&'));
        Assert.DoesNotContain(fields, field => field.StartsWith("NextToken", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadPage_PartialDataWithNextToken_ReturnsPointsAndToken()
    {
        const string xml = """
            <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
              <GetMetricDataResult>
                <MetricDataResults>
                  <member>
                    <Id>m1</Id><Label>RepositoryPullCount</Label><StatusCode>PartialData</StatusCode>
                    <Timestamps><member>2024-01-01T00:00:00Z</member><member>2024-01-02T00:00:00Z</member></Timestamps>
                    <Values><member>12.0</member><member>3.0</member></Values>
                  </member>
                </MetricDataResults>
                <NextToken>page-2</NextToken>
              </GetMetricDataResult>
            </GetMetricDataResponse>
            """;
        var counts = new List<DailyPullCount>();

        var next = CloudWatchPullMetricsClient.ReadPage(xml, ["app", "team/api"], counts);

        Assert.Equal("page-2", next);
        Assert.Equal(
            [
                new DailyPullCount("team/api", new DateOnly(2024, 1, 1), 12),
                new DailyPullCount("team/api", new DateOnly(2024, 1, 2), 3),
            ],
            counts);
    }

    [Fact]
    public void ReadPage_ForbiddenStatus_Throws()
    {
        const string xml = """
            <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
              <GetMetricDataResult><MetricDataResults><member><Id>m0</Id><StatusCode>Forbidden</StatusCode>
              </member></MetricDataResults></GetMetricDataResult>
            </GetMetricDataResponse>
            """;

        Assert.Throws<CloudProviderException>(() => CloudWatchPullMetricsClient.ReadPage(xml, ["app"], []));
    }
}
