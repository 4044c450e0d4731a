using System.Collections.Concurrent;

namespace RegistryJanitor.Registries.Http;

/// <summary>Counts registry HTTP requests per host (every attempt, retries included), for scan statistics.</summary>
public sealed class RegistryRequestCounter
{
    private readonly ConcurrentDictionary<string, StrongBox> counts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests sent so far to <paramref name="authority"/> (host:port).</summary>
    public long Get(string authority) => counts.TryGetValue(authority, out var box) ? Volatile.Read(ref box.Value) : 0;

    internal void Increment(string authority) => Interlocked.Increment(ref counts.GetOrAdd(authority,
        _ => new StrongBox()).Value);

    private sealed class StrongBox
    {
        public long Value;
    }
}
