using System.Collections.Concurrent;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>Records every request the scanner's registry client sends (method and path), in order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<(string Method, string Path)> requests = new();

    public IReadOnlyList<(string Method, string Path)> Requests => [.. requests];

    public void Clear() => requests.Clear();

    /// <summary>GETs of manifests (<c>/manifests/</c>) and of blobs (configs: the scanner reads no layer).</summary>
    public int ManifestOrBlobGets =>
        requests.Count(r => r.Method == "GET" && (r.Path.Contains("/manifests/", StringComparison.Ordinal)
            || r.Path.Contains("/blobs/", StringComparison.Ordinal)));

    internal void Add(HttpRequestMessage request) =>
        requests.Enqueue((request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty));
}
