namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>Sends layer blob downloads through a shared <see cref="LayerDownloadGate"/>.</summary>
internal sealed class LayerDownloadGateHandler(LayerDownloadGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (gate.Holds(request))
        {
            await gate.PassAsync(cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
