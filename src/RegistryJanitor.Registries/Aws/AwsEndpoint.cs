namespace RegistryJanitor.Registries.Aws;

/// <summary>Where and how one AWS JSON or Query API is called.</summary>
/// <param name="Url">The service endpoint, e.g. <c>https://api.ecr.us-east-1.amazonaws.com/</c>.</param>
/// <param name="Region">The signing region.</param>
/// <param name="SigningName">The SigV4 service name, e.g. <c>ecr</c> or <c>monitoring</c>.</param>
/// <param name="TargetPrefix">The <c>X-Amz-Target</c> prefix for JSON protocols; empty for the Query protocol.</param>
/// <param name="MaxRetries">Retries after the first attempt for throttling, 5xx and connection failures.</param>
/// <param name="RetryBaseDelay">First backoff delay; doubled for each further retry, with jitter.</param>
internal sealed record AwsEndpoint(
    Uri Url,
    string Region,
    string SigningName,
    string TargetPrefix,
    int MaxRetries,
    TimeSpan RetryBaseDelay);
