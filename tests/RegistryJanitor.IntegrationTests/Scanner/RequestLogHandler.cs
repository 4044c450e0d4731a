namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>A delegating handler that writes each request into a <see cref="RequestLog"/>.</summary>
internal sealed class RequestLogHandler(RequestLog log) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Add(request);
        return base.SendAsync(request, cancellationToken);
    }
}
