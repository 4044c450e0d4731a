namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>Cancels a scan at a fixed point: when the Nth manifest GET is sent, as a kill would stop it there.</summary>
internal sealed class CancelAfterHandler(CancellationTokenSource source, int manifestGets) : DelegatingHandler
{
    private int seen;

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get
            && request.RequestUri?.AbsolutePath.Contains("/manifests/", StringComparison.Ordinal) == true
            && Interlocked.Increment(ref seen) == manifestGets)
        {
            source.Cancel();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
