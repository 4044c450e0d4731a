using Dapper;
using Npgsql;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Layers.Packages;
using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Storage.Ranking;

/// <summary>
/// Reads the layer-analysis tables for a set of image manifests: dead-weight categories with examples, hidden
/// bytes and dive's efficiency, secret-like files (path and kind), installed packages, and, from the stored layer
/// indexes, the runtime files and largest hidden copies of the merged filesystem.
/// </summary>
/// <remarks>
/// Manifests without an <c>image_analyses</c> row are absent from the result: the ranking then says "unknown"
/// for every finding that needs layer contents. Category or secret names this version does not know are skipped.
/// </remarks>
public sealed class ImageAnalysisLoader
{
    private readonly NpgsqlDataSource dataSource;

    public ImageAnalysisLoader(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    public async Task<IReadOnlyDictionary<long, LoadedAnalysis>> LoadAsync(
        IReadOnlyCollection<long> manifestIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifestIds);
        var result = new Dictionary<long, LoadedAnalysis>();
        if (manifestIds.Count == 0)
        {
            return result;
        }

        var parameters = new { manifestIds = manifestIds.Distinct().ToArray() };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var images = (await connection.QueryAsync<(long Id, long Uncompressed, long Visible, int VisibleFiles,
                long Hidden, int HiddenFiles, double Efficiency)>(
            new CommandDefinition(ImageAnalysisSql.Images, parameters, cancellationToken: cancellationToken)))
            .ToList();
        if (images.Count == 0)
        {
            return result;
        }

        var categories = (await connection.QueryAsync<(long Id, string Category, long Bytes, int Files,
                string[] Examples)>(
            new CommandDefinition(ImageAnalysisSql.Categories, parameters, cancellationToken: cancellationToken)))
            .ToLookup(row => row.Id);
        var secrets = (await connection.QueryAsync<(long Id, int Layer, string Path, string Kind, bool Visible)>(
            new CommandDefinition(ImageAnalysisSql.Secrets, parameters, cancellationToken: cancellationToken)))
            .ToLookup(row => row.Id);
        var packages = (await connection.QueryAsync<ImagePackageRow>(
            new CommandDefinition(ImageAnalysisSql.Packages, parameters, cancellationToken: cancellationToken)))
            .ToLookup(row => row.ManifestId);
        var layers = (await connection.QueryAsync<(long Id, int Position, byte[] Index)>(
            new CommandDefinition(ImageAnalysisSql.LayerIndexes, parameters, cancellationToken: cancellationToken)))
            .ToLookup(row => row.Id);

        foreach (var image in images)
        {
            var (overlay, positions) = Overlay(layers[image.Id]);
            var analysis = new ImageAnalysis
            {
                UncompressedBytes = image.Uncompressed,
                VisibleBytes = image.Visible,
                VisibleFileCount = image.VisibleFiles,
                HiddenBytes = image.Hidden,
                HiddenFileCount = image.HiddenFiles,
                DiveEfficiency = image.Efficiency,
                LargestHidden = [.. overlay.LargestHidden.Select(copy => copy with
                {
                    Layer = positions[copy.Layer],
                    HiddenByLayer = positions[copy.HiddenByLayer],
                })],
                Categories = [.. categories[image.Id].Select(ToCategory).OfType<CategoryTotal>()],
                Secrets = [.. secrets[image.Id].Select(ToSecret).OfType<SecretFinding>()],
                Packages = [.. packages[image.Id].Select(row => new PackageUsage(
                    row.Ecosystem, row.Name, row.Version, row.Bytes, row.FileCount, row.IsDevelopment)
                {
                    ExclusiveDependencies = row.ExclusiveDependencies,
                    DependencyBytes = row.DependencyBytes,
                    DependencyFileCount = row.DependencyFileCount,
                })],
            };
            result[image.Id] = new LoadedAnalysis(analysis, RuntimeFilesScanner.Scan(overlay.VisibleFiles));
        }

        return result;
    }

    // Rebuilds the merged filesystem from the analysed layers; positions maps overlay indexes back to the
    // manifest's layer positions, since skipped (foreign) layers are not part of the overlay.
    private static (OverlayResult Overlay, int[] Positions) Overlay(
        IEnumerable<(long Id, int Position, byte[] Index)> rows)
    {
        var ordered = rows.OrderBy(row => row.Position).ToList();
        var indexes = ordered.Select(row => LayerIndexCodec.Decode(row.Index)).ToList();
        return (ImageOverlay.Compute(indexes), [.. ordered.Select(row => row.Position)]);
    }

    private static CategoryTotal? ToCategory((long Id, string Category, long Bytes, int Files, string[] Examples) row)
    {
        if (!Enum.TryParse<DeadWeightCategory>(row.Category, ignoreCase: false, out var category)
            || category == DeadWeightCategory.None)
        {
            return null;
        }

        return new CategoryTotal(category, row.Bytes, row.Files, row.Examples);
    }

    private static SecretFinding? ToSecret((long Id, int Layer, string Path, string Kind, bool Visible) row) =>
        Enum.TryParse<SecretKind>(row.Kind, ignoreCase: false, out var kind) && kind != SecretKind.None
            ? new SecretFinding(row.Path, kind, row.Layer, row.Visible)
            : null;
}
