namespace RegistryJanitor.Metrics;

/// <summary>How an instrument's measurements become a Prometheus metric.</summary>
internal enum InstrumentKind
{
    /// <summary>
    /// Monotonic total: <c>Counter</c> (measurements added) or <c>ObservableCounter</c> (totals reported).
    /// </summary>
    Counter,

    /// <summary>Current value: up-down counters (sum) and gauges (last value).</summary>
    Gauge,

    /// <summary>Distribution: bucket counts, sum and count.</summary>
    Histogram,
}
