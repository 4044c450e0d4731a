using System.Diagnostics.Metrics;
using System.Text;

namespace RegistryJanitor.Metrics;

/// <summary>The aggregated values of one instrument, one series per distinct tag set.</summary>
internal sealed class InstrumentSeries
{
    /// <summary>Upper bounds of histogram buckets; suits durations in seconds and small counts alike.</summary>
    private static readonly double[] Buckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly bool _observable;
    private readonly bool _addsUp;

    public InstrumentSeries(Instrument instrument)
    {
        Instrument = instrument;
        var type = instrument.GetType().GetGenericTypeDefinition();
        _observable = instrument.IsObservable;
        Kind = type == typeof(Counter<>) || type == typeof(ObservableCounter<>) ? InstrumentKind.Counter
            : type == typeof(Histogram<>) ? InstrumentKind.Histogram
            : InstrumentKind.Gauge;

        // Synchronous counters report increments; observable ones and gauges report the value itself.
        _addsUp = !_observable && (Kind == InstrumentKind.Counter || type == typeof(UpDownCounter<>));
        Name = PrometheusText.MetricName(instrument.Name, instrument.Unit, Kind);
    }

    public Instrument Instrument { get; }

    public InstrumentKind Kind { get; }

    public string Name { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (_series)
        {
            if (!_series.TryGetValue(labels, out var series))
            {
                series = new Series(Kind == InstrumentKind.Histogram ? new long[Buckets.Length] : null);
                _series[labels] = series;
            }

            series.Record(value, _addsUp, Buckets);
        }
    }

    /// <summary>Writes the samples of this instrument (without HELP and TYPE lines).</summary>
    public void WriteSamples(StringBuilder output)
    {
        lock (_series)
        {
            foreach (var (labels, series) in _series)
            {
                if (Kind == InstrumentKind.Histogram)
                {
                    series.WriteHistogram(output, Name, labels, Buckets);
                }
                else
                {
                    output.Append(Name).Append(Braced(labels)).Append(' ')
                        .Append(PrometheusText.Number(series.Value)).Append('\n');
                }
            }
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{PrometheusText.LabelName(key)}=\"{PrometheusText.LabelValue(value)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string Braced(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

    private sealed class Series(long[]? bucketCounts)
    {
        private long _count;

        public double Value { get; private set; }

        public void Record(double value, bool addsUp, double[] bounds)
        {
            if (bucketCounts is null)
            {
                Value = addsUp ? Value + value : value;
                return;
            }

            Value += value;
            _count++;
            for (var i = 0; i < bounds.Length; i++)
            {
                if (value <= bounds[i])
                {
                    bucketCounts[i]++;
                }
            }
        }

        public void WriteHistogram(StringBuilder output, string name, string labels, double[] bounds)
        {
            var prefix = labels.Length == 0 ? string.Empty : labels + ",";
            for (var i = 0; i < bounds.Length; i++)
            {
                output.Append(name).Append("_bucket{").Append(prefix).Append("le=\"")
                    .Append(PrometheusText.Number(bounds[i])).Append("\"} ").Append(bucketCounts![i]).Append('\n');
            }

            output.Append(name).Append("_bucket{").Append(prefix).Append("le=\"+Inf\"} ").Append(_count).Append('\n');
            output.Append(name).Append("_sum").Append(Braced(labels)).Append(' ')
                .Append(PrometheusText.Number(Value)).Append('\n');
            output.Append(name).Append("_count").Append(Braced(labels)).Append(' ').Append(_count).Append('\n');
        }
    }
}
