using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Aws;

/// <summary>
/// Sends SigV4-signed AWS JSON 1.1 calls (<c>X-Amz-Target: {prefix}.{Operation}</c>) and retries throttling,
/// 5xx and connection failures with exponential backoff; every attempt is signed afresh.
/// </summary>
internal sealed class AwsJsonClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly HttpClient _httpClient;
    private readonly Uri _endpoint;
    private readonly string _targetPrefix;
    private readonly string _region;
    private readonly string _signingName;
    private readonly IAwsCredentialSource _credentials;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline _retry;

    public AwsJsonClient(
        HttpClient httpClient,
        AwsEndpoint endpoint,
        IAwsCredentialSource credentials,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _httpClient = httpClient;
        _endpoint = endpoint.Url;
        _targetPrefix = endpoint.TargetPrefix;
        _region = endpoint.Region;
        _signingName = endpoint.SigningName;
        _credentials = credentials;
        _timeProvider = timeProvider;
        _retry = AwsRetry.Create(endpoint.MaxRetries, endpoint.RetryBaseDelay, timeProvider, logger);
    }

    /// <summary>
    /// Calls <paramref name="operation"/> with <paramref name="request"/> and returns the JSON response.
    /// </summary>
    /// <exception cref="CloudProviderException">The service answered with an error after the retries.</exception>
    public async Task<JsonDocument> CallAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        return await _retry.ExecuteAsync(
            operation,
            token => SendOnceAsync(operation, body, token),
            cancellationToken);
    }

    private async Task<JsonDocument> SendOnceAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = JsonContentType;
        message.Headers.TryAddWithoutValidation("X-Amz-Target", _targetPrefix + "." + operation);

        var credentials = await _credentials.GetCredentialsAsync(cancellationToken);
        SigV4Signer.Sign(message, body, credentials, _region, _signingName, _timeProvider.GetUtcNow());

        using var response = await _httpClient.SendAsync(message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var errorHeader = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First() : null;
            var (type, errorMessage) = AwsErrorParser.Parse(text, errorHeader);
            throw new CloudProviderException(operation, response.StatusCode, type, errorMessage);
        }

        return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
    }

}
