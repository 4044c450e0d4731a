namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>Anything that can be pushed as a layer of an image: in-memory, streamed or raw bytes.</summary>
public interface IImageLayer
{
    /// <summary>Makes sure the layer blob is in the repository and describes it.</summary>
    Task<PushedLayer> PushAsync(LayerPushContext context, CancellationToken cancellationToken);
}
