using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace RegistryJanitor.Metrics;

/// <summary>
/// Listens to every <see cref="Meter"/> of the process (the product's, ASP.NET Core's, Npgsql's, Quartz's, the
/// runtime's) and renders what they measured in the Prometheus text format for <c>/metrics</c>.
/// </summary>
/// <remarks>
/// A small exporter of our own rather than prometheus-net: with the package served here (8.2.1) on .NET 10 its meter
/// adapter exported observable instruments only and dropped every counter and histogram measurement, including
/// ASP.NET Core's. Product code therefore only ever uses <see cref="System.Diagnostics.Metrics"/>. Series live as long
/// as the process: instruments must not carry unbounded tag values (no digests, no tags of images).
/// </remarks>
internal sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _instruments = new();

    public MetricsCollector()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                _instruments.TryAdd(instrument, new InstrumentSeries(instrument));
                listener.EnableMeasurementEvents(instrument);
            },
            MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentSeries? _),
        };
        _listener.SetMeasurementEventCallback<byte>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<short>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<float>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<decimal>(
            (instrument, value, tags, _) => Record(instrument, (double)value, tags));
        _listener.Start();
    }

    /// <summary>Polls observable instruments and renders every metric.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();

        var output = new StringBuilder();
        var byName = _instruments.Values
            .GroupBy(series => series.Name, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in byName)
        {
            // Two meters may publish the same instrument name; one TYPE per name, and only series of that type.
            var first = group.First();
            var samples = new StringBuilder();
            foreach (var series in group.Where(series => series.Kind == first.Kind))
            {
                series.WriteSamples(samples);
            }

            if (samples.Length == 0)
            {
                continue;
            }

            output.Append("# HELP ").Append(first.Name).Append(' ')
                .Append(PrometheusText.Help(first.Instrument.Description)).Append('\n');
            output.Append("# TYPE ").Append(first.Name).Append(' ')
                .Append(first.Kind.ToString().ToLowerInvariant()).Append('\n');
            output.Append(samples);
        }

        return output.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_instruments.TryGetValue(instrument, out var series))
        {
            series.Record(value, tags);
        }
    }
}
