using System.Net;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Oci;

/// <summary>The referrers API and its tag fallback.</summary>
internal sealed partial class OciRegistryClient
{
    private volatile bool referrersApiMissing;
    private TaskCompletionSource<bool>? referrersProbe;

    /// <summary>
    /// Referrers of <paramref name="subject"/> from <c>/v2/NAME/referrers/DIGEST</c> alone; null when the
    /// registry has no referrers API. The first call probes the API while concurrent callers wait for its
    /// answer, so a registry without the API sees one 404 per scan rather than one per manifest.
    /// </summary>
    public async Task<IReadOnlyList<Descriptor>?> ListReferrersFromApiOnlyAsync(
        string repository, Digest subject, CancellationToken cancellationToken)
    {
        var probe = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var earlier = Interlocked.CompareExchange(ref referrersProbe, probe, null);
        if (earlier is not null)
        {
            var present = await earlier.Task.WaitAsync(cancellationToken);
            return present ? await ListReferrersFromApiAsync(repository, subject, cancellationToken) : null;
        }

        try
        {
            var listed = await ListReferrersFromApiAsync(repository, subject, cancellationToken);
            if (listed is null)
            {
                referrersApiMissing = true;
                Log.ReferrersFallback(logger, RegistryName);
            }

            probe.SetResult(listed is not null);
            return listed;
        }
        catch
        {
            // The probe itself failed (network, 5xx after retries): callers waiting on it try the API themselves
            // and the next new caller probes again.
            Interlocked.CompareExchange(ref referrersProbe, null, probe);
            probe.TrySetResult(true);
            throw;
        }
    }

    /// <summary>
    /// Referrers of <paramref name="subject"/>: from <c>/v2/NAME/referrers/DIGEST</c> (following pages), or,
    /// when the registry has no such API, from the index stored at tag <c>ALG-HEX</c>.
    /// </summary>
    public async Task<IReadOnlyList<Descriptor>> ListReferrersAsync(
        string repository, Digest subject, CancellationToken cancellationToken)
    {
        if (!referrersApiMissing)
        {
            var fromApi = await ListReferrersFromApiAsync(repository, subject, cancellationToken);
            if (fromApi is not null)
            {
                return fromApi;
            }

            referrersApiMissing = true;
            Log.ReferrersFallback(logger, RegistryName);
        }

        var tag = $"{subject.Algorithm}-{subject.Hex[..Math.Min(64, subject.Hex.Length)]}";
        var fallback = await GetManifestAsync(repository, tag, cancellationToken);
        if (fallback is null || !MediaTypes.IsIndex(fallback.MediaType))
        {
            return [];
        }

        try
        {
            var index = ManifestParser.Parse(fallback.Body, fallback.MediaType);
            return index.Manifests;
        }
        catch (ManifestFormatException)
        {
            return [];
        }
    }

    private async Task<List<Descriptor>?> ListReferrersFromApiAsync(
        string repository, Digest subject, CancellationToken cancellationToken)
    {
        var result = new List<Descriptor>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = new(baseUri, $"/v2/{repository}/referrers/{subject}");
        while (next is not null)
        {
            if (!visited.Add(next.AbsoluteUri))
            {
                throw PaginationLoop(next);
            }

            using var response = await SendAsync(
                HttpMethod.Get, next, PullScope(repository), MediaTypes.OciIndex, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && result.Count == 0 && visited.Count == 1)
            {
                return null;
            }

            await EnsureSuccessAsync(response, next.AbsolutePath, cancellationToken);
            var body = await ReadCappedAsync(response, MaxManifestBytes, next.AbsolutePath, cancellationToken);
            var index = ManifestParser.Parse(body, MediaTypes.OciIndex);
            result.AddRange(index.Manifests);
            next = response.Headers.TryGetValues("Link", out var links) ? Http.LinkHeader.Next(links, next) : null;
        }

        return result;
    }
}
