namespace RegistryJanitor.Registries.Http;

/// <summary>Counts each attempt that reaches the network in <see cref="RegistryRequestCounter"/>.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private readonly RegistryRequestCounter counter;

    public CountingHandler(RegistryRequestCounter counter) => this.counter = counter;

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Increment(request.RequestUri?.Authority ?? string.Empty);
        return base.SendAsync(request, cancellationToken);
    }
}
