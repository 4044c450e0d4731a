using System.Text.Json;
using Dapper;
using Npgsql;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Storage.Ranking;

/// <summary>Builds <see cref="ImageEvidence"/> for every selected tag from the inventory in one query.</summary>
/// <remarks>
/// Layer-analysis results come from <see cref="ImageAnalysisLoader"/>; an image the analysis has not covered
/// keeps <see cref="ImageEvidence.Analysis"/> null, so its content findings say "unknown". Exclusive bytes are
/// left to the cost stage. Repository-wide pull counts (no manifest digest) are not attributed to images.
/// </remarks>
public sealed class ImageEvidenceLoader
{
    /// <summary>Months the push-frequency window spans.</summary>
    public const int PushWindowMonths = 3;

    private readonly NpgsqlDataSource dataSource;
    private readonly ImageAnalysisLoader analysisLoader;

    public ImageEvidenceLoader(NpgsqlDataSource dataSource, ImageAnalysisLoader analysisLoader)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(analysisLoader);
        this.dataSource = dataSource;
        this.analysisLoader = analysisLoader;
    }

    /// <summary>
    /// The newest tag of every repository (or every tag) plus the <paramref name="requested"/> ones, optionally of
    /// one registry. A requested tag the inventory does not hold is left out; see <see cref="FindUnknownAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<ImageEvidence>> LoadAsync(string? registry, bool allTags,
        IReadOnlyCollection<RequestedTag> requested, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requested);
        List<EvidenceRow> rows;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            rows = [.. await connection.QueryAsync<EvidenceRow>(new CommandDefinition(ImageEvidenceSql.Select, new
            {
                registry,
                allTags,
                tagRepositories = requested.Select(tag => tag.Repository).ToArray(),
                tagNames = requested.Select(tag => tag.Tag).ToArray(),
                since = now.AddMonths(-PushWindowMonths),
                windowMonths = (decimal)PushWindowMonths,
                sinceDay = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-30)),
            }, cancellationToken: cancellationToken))];
        }

        var runnable = rows.Where(row => row.HasConfig).Select(row => row.ImageManifestId).Distinct().ToList();
        var analyses = await analysisLoader.LoadAsync(runnable, cancellationToken);
        return [.. rows.Select(row => ToEvidence(row, analyses.GetValueOrDefault(row.ImageManifestId)))];
    }

    /// <summary>The <paramref name="requested"/> tags no repository of the selected registries holds.</summary>
    public async Task<IReadOnlyList<UnknownTag>> FindUnknownAsync(
        string? registry, IReadOnlyCollection<RequestedTag> requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (requested.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnknownTagRow>(new CommandDefinition(
            ImageEvidenceSql.SelectUnknownTags,
            new
            {
                registry,
                tagRepositories = requested.Select(tag => tag.Repository).ToArray(),
                tagNames = requested.Select(tag => tag.Tag).ToArray(),
            },
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => new UnknownTag(new RequestedTag(row.Repository, row.Tag), row.RepositoryKnown))];
    }

    /// <summary>The host (and port) an image reference names, from the registry's configured URL.</summary>
    private static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : null;

    private static ImageEvidence ToEvidence(EvidenceRow row, LoadedAnalysis? analysis) => new()
    {
        Analysis = analysis?.Analysis,
        Files = analysis?.Files,
        Registry = row.Registry,
        RegistryHost = HostOf(row.RegistryUrl),
        Repository = row.Repository,
        Tag = row.Tag,
        Digest = row.Digest,
        Kind = ParseKind(row.Kind),
        MediaType = row.MediaType,
        Annotations = ReadMap(row.Annotations),
        Config = row.HasConfig ? ToConfig(row) : null,
        ConfigSizeBytes = row.ConfigSizeBytes,
        Layers = [.. row.LayerDigests.Select((digest, i) =>
            new LayerEvidence(digest, row.LayerSizes[i], row.LayerShared[i]))],
        TagsPushedPerMonth = row.PushesPerMonth,
        Pulls = row.PullSource is null
            ? PullEstimate.None
            : new PullEstimate(row.Pulls, ParsePullSource(row.PullSource), "pull_counts over the last 30 days"),
        Referrers = new ReferrerEvidence(row.HasSignature, row.HasSbom, row.HasAttestation),
        BuildCacheArtifacts = (int)row.BuildCaches,
        RetainedTagCount = (int)Math.Max(1, row.RetainedTags),
    };

    private static ImageConfigFacts ToConfig(EvidenceRow row) => new(
        row.CreatedAt is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : null,
        row.Os,
        row.Architecture,
        row.Variant,
        row.ConfigUser,
        row.EnvNames ?? [],
        ReadMap(row.Labels),
        row.Healthcheck,
        row.ExposedPorts ?? [],
        ReadHistory(row.History),
        []);

    private static Dictionary<string, string> ReadMap(string? json)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return map;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return map;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                map[property.Name] = property.Value.GetString()!;
            }
        }

        return map;
    }

    private static List<HistoryEntry> ReadHistory(string? json)
    {
        var history = new List<HistoryEntry>();
        if (string.IsNullOrEmpty(json))
        {
            return history;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return history;
        }

        foreach (var entry in document.RootElement.EnumerateArray())
        {
            string? Text(string name) =>
                entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;

            var empty = entry.TryGetProperty("empty_layer", out var flag) && flag.ValueKind == JsonValueKind.True;
            history.Add(new HistoryEntry(null, Text("created_by"), Text("comment"), empty));
        }

        return history;
    }

    private static ManifestKind ParseKind(string kind) =>
        Enum.TryParse<ManifestKind>(kind.Replace("_", string.Empty, StringComparison.Ordinal), true, out var parsed)
            ? parsed
            : ManifestKind.Unsupported;

    private static PullCountSource ParsePullSource(string source) => source switch
    {
        "registry-events" => PullCountSource.RegistryEvents,
        "provider-metric" => PullCountSource.ProviderMetric,
        _ => PullCountSource.ConfiguredAssumption,
    };
}
