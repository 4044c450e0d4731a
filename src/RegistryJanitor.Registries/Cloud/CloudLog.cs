using System.Net;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>Log messages of the ACR and ECR providers (event ids 3200-3399).</summary>
internal static partial class CloudLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning,
        Message = "AWS {Operation} attempt {Attempt} failed with {ErrorType}; retrying in {Delay}")]
    public static partial void AwsRetrying(
        ILogger logger,
        string operation,
        int attempt,
        string errorType,
        TimeSpan delay);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug,
        Message = "ECR {Operation} page {Page} returned {Count} items")]
    public static partial void EcrPage(ILogger logger, string operation, int page, int count);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug,
        Message = "ECR image {Digest} in {Repository} is {ImageStatus}; skipped")]
    public static partial void EcrImageSkipped(ILogger logger, string repository, Digest digest, string imageStatus);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning,
        Message = "CloudWatch pull counts unavailable for {Repository}: {Reason}")]
    public static partial void EcrPullMetricsUnavailable(ILogger logger, string repository, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Debug,
        Message = "Registry redirected {Path} to host {Host}; following without credentials")]
    public static partial void RedirectFollowed(ILogger logger, string path, string host);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning,
        Message = "Manifest {Digest} in {Repository} returned by {Source} does not hash to its digest; ignored")]
    public static partial void ManifestDigestMismatch(ILogger logger, string repository, Digest digest, string source);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Debug,
        Message = "ECR authorization token obtained for {ProxyEndpoint}, valid until {ExpiresAt}")]
    public static partial void EcrAuthorizationObtained(ILogger logger, Uri proxyEndpoint, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Warning,
        Message = "ECR BatchGetImage could not return {Digest} in {Repository}: {FailureCode}")]
    public static partial void EcrBatchGetFailure(ILogger logger, string repository, string digest, string failureCode);

    [LoggerMessage(EventId = 3220, Level = LogLevel.Debug,
        Message = "ACR refresh token obtained for {Service}, valid until {ExpiresAt}")]
    public static partial void AcrRefreshTokenObtained(ILogger logger, string service, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3221, Level = LogLevel.Debug,
        Message = "ACR access token obtained for scope {Scope}, valid until {ExpiresAt}")]
    public static partial void AcrAccessTokenObtained(ILogger logger, string scope, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3222, Level = LogLevel.Debug,
        Message = "ACR challenged {Path} for scope {Scope}; retrying with a token for it")]
    public static partial void AcrChallenged(ILogger logger, string path, string scope);

    [LoggerMessage(EventId = 3223, Level = LogLevel.Debug,
        Message = "ACR anonymous token request for {Scope} answered {StatusCode}; sending requests without a token")]
    public static partial void AcrAnonymousWithoutToken(ILogger logger, string scope, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 3224, Level = LogLevel.Warning,
        Message = "Azure {Statistic} unavailable for registry {Registry}: HTTP {StatusCode}; recorded as unavailable")]
    public static partial void AzureStatisticUnavailable(
        ILogger logger, string statistic, string registry, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 3225, Level = LogLevel.Warning,
        Message = "Pagination of {Operation} returned an already visited page {Page}; stopped")]
    public static partial void PaginationLoop(ILogger logger, string operation, int page);
}
