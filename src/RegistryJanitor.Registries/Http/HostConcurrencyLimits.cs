using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace RegistryJanitor.Registries.Http;

/// <summary>
/// One <see cref="ConcurrencyLimiter"/> per registry host, shared by every client of that host, so a host
/// never sees more concurrent requests than its registry's <c>MaxConcurrency</c>.
/// </summary>
public sealed class HostConcurrencyLimits : IDisposable
{
    /// <summary>The limit for hosts no registry configured (token servers, redirect targets).</summary>
    public const int DefaultLimit = 8;

    private readonly ConcurrentDictionary<string, ConcurrencyLimiter> limiters =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the limit of <paramref name="authority"/> the first time it is seen.</summary>
    public void Register(string authority, int maxConcurrency) =>
        limiters.GetOrAdd(authority, _ => Create(maxConcurrency));

    /// <summary>The limiter of <paramref name="authority"/>, created with the default limit when unknown.</summary>
    public ConcurrencyLimiter For(string authority) => limiters.GetOrAdd(authority, _ => Create(DefaultLimit));

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static ConcurrencyLimiter Create(int permits) => new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Math.Max(1, permits),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
}
