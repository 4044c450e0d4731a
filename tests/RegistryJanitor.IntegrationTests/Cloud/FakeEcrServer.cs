using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A fake ECR control plane and CloudWatch following botocore's service models
/// (botocore/data/ecr/2015-09-21/service-2.json: DescribeRepositories, DescribeImages, BatchGetImage,
/// GetAuthorizationToken shapes, awsJson1_1 with X-Amz-Target AmazonEC2ContainerRegistry_V20150921.*; and
/// botocore/data/cloudwatch/2010-08-01/service-2.json: GetMetricData over the query protocol, XML answer).
/// Every request must carry a valid SigV4 signature for the test credentials, or it gets 403.
/// </summary>
public sealed class FakeEcrServer : IAsyncDisposable
{
    private const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921.";
    private FakeHttpServer? server;
    private int throttled;

    public Uri BaseUri => server!.BaseUri;

    public Uri MonitoringUri => new(BaseUri, "monitoring/");

    public IEnumerable<RecordedRequest> Requests => server!.Requests;

    /// <summary>Repository names, served in pages of the request's maxResults.</summary>
    public List<string> Repositories { get; } = [];

    /// <summary>Repository → imageDetails entries in the ImageDetail shape.</summary>
    public Dictionary<string, List<JsonObject>> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>Digest → (imageManifestMediaType, imageManifest) for BatchGetImage.</summary>
    public Dictionary<string, (string MediaType, string Manifest)> Manifests { get; } = new(StringComparer.Ordinal);

    /// <summary>Subject digest → referrers in the ListImageReferrers item shape.</summary>
    public Dictionary<string, List<JsonObject>> Referrers { get; } = new(StringComparer.Ordinal);

    /// <summary>How many DescribeImages calls answer ThrottlingException before the service recovers.</summary>
    public int ThrottleDescribeImages { get; set; }

    public string AuthorizationToken { get; set; } = "";

    public Uri? ProxyEndpoint { get; set; }

    public double AuthorizationExpiresAt { get; set; }

    /// <summary>CloudWatch answers; each becomes one XML page, the first ones with NextToken and PartialData.</summary>
    public List<(string Id, string[] Timestamps, double[] Values)> MetricPages { get; } = [];

    public bool MetricsForbidden { get; set; }

    public IEnumerable<RecordedRequest> Calls(string operation) =>
        Requests.Where(r => r.Header("X-Amz-Target") == TargetPrefix + operation);

    public static async Task<FakeEcrServer> StartAsync(CancellationToken cancellationToken)
    {
        var fake = new FakeEcrServer();
        fake.server = await FakeHttpServer.StartAsync(fake.HandleAsync, cancellationToken);
        return fake;
    }

    public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        var credentials = CloudTestServices.AwsCredentials;
        var monitoring = request.Path == "/monitoring/";
        var signed = SigV4Verifier.Verify(
            request, credentials.AccessKey, credentials.SecretKey, "us-east-1", monitoring ? "monitoring" : "ecr");
        if (!signed)
        {
            await ErrorAsync(
                context.Response, 403, "com.amazon.coral.service#InvalidSignatureException", "bad signature");
            return;
        }

        if (monitoring)
        {
            await MetricsAsync(request, context.Response);
            return;
        }

        var body = JsonNode.Parse(request.Body)!.AsObject();
        var operation = request.Header("X-Amz-Target")?.Replace(TargetPrefix, "", StringComparison.Ordinal);
        if (request.Header("Content-Type") != "application/x-amz-json-1.1")
        {
            await ErrorAsync(context.Response, 400, "SerializationException", "wrong content type");
            return;
        }

        JsonObject? answer = operation switch
        {
            "DescribeRepositories" => Page(body, Repositories.Select(name => (JsonNode)new JsonObject
            {
                ["repositoryName"] = name,
                ["registryId"] = "123456789012",
                ["createdAt"] = 1.7e9,
            }).ToList(), "repositories"),
            "DescribeImages" => await DescribeImagesAsync(body, context.Response),
            "BatchGetImage" => BatchGetImage(body),
            "ListImageReferrers" => Page(
                body,
                Referrers.GetValueOrDefault((string)body["subjectId"]!["imageDigest"]!, []).Select(r => r.DeepClone())
                    .ToList(),
                "referrers"),
            "GetAuthorizationToken" => new JsonObject
            {
                ["authorizationData"] = new JsonArray(new JsonObject
                {
                    ["authorizationToken"] = AuthorizationToken,
                    ["expiresAt"] = AuthorizationExpiresAt,
                    ["proxyEndpoint"] = ProxyEndpoint!.ToString().TrimEnd('/'),
                }),
            },
            _ => null,
        };
        if (answer is not null)
        {
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.WriteAsync(answer.ToJsonString());
        }
        else if (!context.Response.HasStarted)
        {
            await ErrorAsync(context.Response, 400, "UnknownOperationException", operation ?? "");
        }
    }

    private async Task<JsonObject?> DescribeImagesAsync(JsonObject body, HttpResponse response)
    {
        if (Interlocked.Increment(ref throttled) <= ThrottleDescribeImages)
        {
            await ErrorAsync(response, 400, "ThrottlingException", "Rate exceeded");
            return null;
        }

        var repository = (string)body["repositoryName"]!;
        if (!Images.TryGetValue(repository, out var images))
        {
            await ErrorAsync(response, 400, "com.amazonaws.ecr#RepositoryNotFoundException",
                $"The repository with name '{repository}' does not exist");
            return null;
        }

        var tagStatus = (string?)body["filter"]?["tagStatus"] ?? "ANY";
        var selected = images.Where(image => tagStatus switch
        {
            "TAGGED" => image["imageTags"] is JsonArray { Count: > 0 },
            "UNTAGGED" => image["imageTags"] is not JsonArray { Count: > 0 },
            _ => true,
        });
        return Page(body, selected.Select(image => image.DeepClone()).ToList(), "imageDetails");
    }

    private JsonObject BatchGetImage(JsonObject body)
    {
        var images = new JsonArray();
        var failures = new JsonArray();
        foreach (var id in body["imageIds"]!.AsArray())
        {
            var digest = (string)id!["imageDigest"]!;
            if (Manifests.TryGetValue(digest, out var manifest))
            {
                images.Add(new JsonObject
                {
                    ["registryId"] = "123456789012",
                    ["repositoryName"] = (string)body["repositoryName"]!,
                    ["imageId"] = new JsonObject { ["imageDigest"] = digest },
                    ["imageManifest"] = manifest.Manifest,
                    ["imageManifestMediaType"] = manifest.MediaType,
                });
            }
            else
            {
                failures.Add(new JsonObject
                {
                    ["imageId"] = new JsonObject { ["imageDigest"] = digest },
                    ["failureCode"] = "ImageNotFound",
                });
            }
        }

        return new JsonObject { ["images"] = images, ["failures"] = failures };
    }

    private static JsonObject Page(JsonObject body, List<JsonNode> items, string property)
    {
        var size = (int?)body["maxResults"] ?? 100;
        var token = (string?)body["nextToken"];
        var offset = token is null ? 0 : int.Parse(token["token-".Length..], CultureInfo.InvariantCulture);
        var page = new JsonObject { [property] = new JsonArray(items.Skip(offset).Take(size).ToArray()) };
        if (offset + size < items.Count)
        {
            page["nextToken"] = "token-" + (offset + size).ToString(CultureInfo.InvariantCulture);
        }

        return page;
    }

    private async Task MetricsAsync(RecordedRequest request, HttpResponse response)
    {
        const string ns = "http://monitoring.amazonaws.com/doc/2010-08-01/";
        response.ContentType = "text/xml";
        if (MetricsForbidden)
        {
            response.StatusCode = 403;
            await response.WriteAsync($"""
                <ErrorResponse xmlns="{ns}"><Error><Type>Sender</Type><Code>AccessDenied</Code>
                <Message>not authorized to perform: cloudwatch:GetMetricData</Message></Error></ErrorResponse>
                """);
            return;
        }

        var token = request.Form()["NextToken"].SingleOrDefault();
        var index = token is null ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
        var (id, timestamps, values) = MetricPages[index];
        var last = index == MetricPages.Count - 1;
        var next = last ? "" : $"<NextToken>{index + 1}</NextToken>";
        var status = last ? "Complete" : "PartialData";
        var points = string.Concat(values.Select(v => $"<member>{v.ToString(CultureInfo.InvariantCulture)}</member>"));
        await response.WriteAsync($"""
            <GetMetricDataResponse xmlns="{ns}"><GetMetricDataResult><MetricDataResults><member>
            <Id>{id}</Id><Label>RepositoryPullCount</Label><StatusCode>{status}</StatusCode>
            <Timestamps>{string.Concat(timestamps.Select(t => $"<member>{t}</member>"))}</Timestamps>
            <Values>{points}</Values>
            </member></MetricDataResults>{next}</GetMetricDataResult></GetMetricDataResponse>
            """);
    }

    private static async Task ErrorAsync(HttpResponse response, int status, string type, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/x-amz-json-1.1";
        await response.WriteAsync(new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString());
    }
}
