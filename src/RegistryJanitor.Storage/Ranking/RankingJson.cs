using System.Text;
using System.Text.Json;
using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Storage.Ranking;

/// <summary>JSON columns of the ranking tables, written field by field so their shape is fixed here.</summary>
public static class RankingJson
{
    /// <summary>The <c>recommendations</c> column.</summary>
    public static string Recommendations(IReadOnlyList<Recommendation> recommendations) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var recommendation in recommendations)
        {
            writer.WriteStartObject();
            writer.WriteString("title", recommendation.Title);
            writer.WriteString("effort", RankingNames.Of(recommendation.Effort));
            writer.WriteStartArray("addresses");
            foreach (var kind in recommendation.Addresses)
            {
                writer.WriteStringValue(RankingNames.Of(kind));
            }

            writer.WriteEndArray();
            writer.WriteString("snippet", recommendation.Snippet);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>The <c>evidence</c> column of a finding.</summary>
    public static string Evidence(IReadOnlyList<FindingEvidence> evidence) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var item in evidence)
        {
            writer.WriteStartObject();
            writer.WriteString("detail", item.Detail);
            WriteNullable(writer, "layer", item.Layer);
            WriteNullable(writer, "history_step", item.HistoryStep);
            writer.WriteString("path", item.Path);
            writer.WriteNumber("bytes", item.Bytes);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>The <c>options</c> column of a run.</summary>
    public static string Options(RankingOptions options) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var property in typeof(RankingOptions).GetProperties())
        {
            writer.WriteString(property.Name, Convert.ToString(property.GetValue(options),
                System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
    });

    private static void WriteNullable(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
