namespace RegistryJanitor.Core.Layers;

/// <summary>Which layer blobs one analysis run downloads, and which images that completes or leaves out.</summary>
/// <param name="LayersToRead">Distinct blobs to download, in ranking order.</param>
/// <param name="PlannedBytes">Sum of their sizes: at most the budget.</param>
/// <param name="ImagesCompleted">Images whose every layer is analysed once the plan has run.</param>
/// <param name="ImagesSkipped">Images left out because their new layers did not fit the remaining budget.</param>
public sealed record AnalysisPlan(
    IReadOnlyList<LayerBlobRef> LayersToRead,
    long PlannedBytes,
    IReadOnlyList<string> ImagesCompleted,
    IReadOnlyList<string> ImagesSkipped);
