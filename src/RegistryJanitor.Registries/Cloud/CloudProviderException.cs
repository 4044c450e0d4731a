using System.Net;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>A failed call to a cloud registry API (ECR, CloudWatch, ACR, ARM), with what the service said.</summary>
public sealed class CloudProviderException : Exception
{
    public CloudProviderException()
    {
    }

    public CloudProviderException(string message)
        : base(message)
    {
    }

    public CloudProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CloudProviderException(string operation, HttpStatusCode statusCode, string? errorType, string? errorMessage)
        : base(FormatMessage(operation, statusCode, errorType, errorMessage))
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The API operation, e.g. <c>DescribeImages</c> or <c>acr:_manifests</c>.</summary>
    public string? Operation { get; }

    /// <summary>The HTTP status of the failed response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// The service's error type or code, e.g. <c>RepositoryNotFoundException</c> or <c>UNAUTHORIZED</c>.
    /// </summary>
    public string? ErrorType { get; }

    /// <summary>True for throttling and server-side failures, which are worth retrying.</summary>
    public bool IsTransient =>
        StatusCode is { } status && ((int)status >= 500 || status == HttpStatusCode.TooManyRequests)
        || ErrorType is "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "TOOMANYREQUESTS";

    private static string FormatMessage(string operation, HttpStatusCode statusCode, string? type, string? message)
    {
        var text = message is { Length: > 300 } ? message[..300] + "…" : message;
        return $"{operation} failed with HTTP {(int)statusCode} {type ?? "(no error type)"}: {text ?? "(no message)"}";
    }
}
