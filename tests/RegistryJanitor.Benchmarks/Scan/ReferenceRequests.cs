using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>
/// Plain concurrent HTTP requests over the seeded tags with a bare <see cref="HttpClient"/>: the
/// benchmark's baseline (a GET of every manifest URL) and the request floors of a first scan and a re-scan.
/// </summary>
internal sealed class ReferenceRequests(Uri registryUrl, IReadOnlyList<SeededTag> tags, int concurrency)
{
    /// <summary>The baseline: GET every manifest URL, reading the body.</summary>
    public Task<PhaseTiming> ManifestGetsAsync(CancellationToken cancellationToken) =>
        RunAsync(tag => [Get(tag.ManifestPath, MediaTypes.ManifestAccept)], cancellationToken);

    /// <summary>What a first scan cannot avoid: GET every manifest and its config blob.</summary>
    public Task<PhaseTiming> ManifestAndConfigGetsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            tag => [Get(tag.ManifestPath, MediaTypes.ManifestAccept), Get(tag.ConfigPath, null)],
            cancellationToken);

    /// <summary>
    /// The ceiling of any client that sends two requests per manifest: GET every manifest URL twice, so the second
    /// request costs the registry exactly what the first does (a config GET costs it more).
    /// </summary>
    public Task<PhaseTiming> TwoManifestGetsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            tag => [Get(tag.ManifestPath, MediaTypes.ManifestAccept), Get(tag.ManifestPath, MediaTypes.ManifestAccept)],
            cancellationToken);

    /// <summary>What a re-scan cannot avoid: one HEAD per tag, conditional on the digest already known.</summary>
    public Task<PhaseTiming> ConditionalHeadsAsync(CancellationToken cancellationToken) =>
        RunAsync(
            tag =>
            {
                var request = new HttpRequestMessage(HttpMethod.Head, tag.ManifestPath);
                request.Headers.TryAddWithoutValidation("Accept", MediaTypes.ManifestAccept);
                request.Headers.TryAddWithoutValidation("If-None-Match", $"\"{tag.Digest}\"");
                return [request];
            },
            cancellationToken);

    private static HttpRequestMessage Get(string path, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    private Task<PhaseTiming> RunAsync(
        Func<SeededTag, HttpRequestMessage[]> requestsOf, CancellationToken cancellationToken) =>
        PhaseTiming.MeasureAsync(async () =>
        {
            using var client = new HttpClient { BaseAddress = registryUrl };
            await Parallel.ForEachAsync(
                tags,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (tag, token) =>
                {
                    foreach (var request in requestsOf(tag))
                    {
                        using (request)
                        {
                            using var response = await client.SendAsync(request, token);
                            if (response.StatusCode != System.Net.HttpStatusCode.NotModified)
                            {
                                response.EnsureSuccessStatusCode();
                            }

                            await response.Content.ReadAsByteArrayAsync(token);
                        }
                    }
                });
        });
}
