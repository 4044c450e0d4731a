using System.Net;

namespace RegistryJanitor.Registries;

/// <summary>A registry request that failed: the HTTP status (when there was one) and the OCI error code.</summary>
public sealed class RegistryClientException : Exception
{
    public RegistryClientException()
    {
    }

    public RegistryClientException(string message)
        : base(message)
    {
    }

    public RegistryClientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryClientException(string message, HttpStatusCode? statusCode, string? errorCode)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status of the failing response, when the failure was a response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The first OCI error code of the body (e.g. <c>MANIFEST_UNKNOWN</c>), when there was one.</summary>
    public string? ErrorCode { get; }
}
