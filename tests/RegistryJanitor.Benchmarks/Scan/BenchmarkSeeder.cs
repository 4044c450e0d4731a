using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>
/// Pushes many small images fast: one shared layer mounted into every repository, then per tag a unique config
/// (a monolithic blob upload) and a manifest, concurrently.
/// </summary>
internal sealed class BenchmarkSeeder(HttpClient http)
{
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    public async Task<List<SeededTag>> SeedAsync(
        string prefix, int repositories, int tagsPerRepository, int concurrency, CancellationToken cancellationToken)
    {
        var layer = Encoding.UTF8.GetBytes(new string('x', 4096));
        var layerDigest = Digest(layer);
        var names = Enumerable.Range(0, repositories).Select(i => $"{prefix}/r{i:D3}").ToList();
        await UploadAsync(names[0], layer, layerDigest, cancellationToken);
        var work = names.SelectMany(name => Enumerable.Range(0, tagsPerRepository).Select(t => (name, t))).ToList();
        var urls = new System.Collections.Concurrent.ConcurrentBag<SeededTag>();
        await Parallel.ForEachAsync(
            names.Skip(1),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (name, token) => await MountAsync(name, names[0], layerDigest, token));
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var config = Encoding.UTF8.GetBytes(
                    "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"tag\":\"" + item.t
                    + "\",\"repository\":\"" + item.name + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                    + layerDigest + "\"]}}");
                var configDigest = Digest(config);
                await UploadAsync(item.name, config, configDigest, token);
                var manifest = Encoding.UTF8.GetBytes(
                    "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestType + "\",\"config\":{\"mediaType\":"
                    + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":"
                    + config.Length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                    + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.Length + "}]}");
                var tag = $"t{item.t:D3}";
                using var content = new ByteArrayContent(manifest);
                content.Headers.ContentType = new MediaTypeHeaderValue(ManifestType);
                using var response = await http.PutAsync($"/v2/{item.name}/manifests/{tag}", content, token);
                response.EnsureSuccessStatusCode();
                urls.Add(new SeededTag(
                    $"/v2/{item.name}/manifests/{tag}", $"/v2/{item.name}/blobs/{configDigest}", Digest(manifest)));
            });
        return [.. urls];
    }

    private async Task UploadAsync(string repository, byte[] content, string digest,
        CancellationToken cancellationToken)
    {
        // Distribution 2.8 answers a POST with ?digest= by opening a session, so upload in two steps.
        using var start = await http.PostAsync($"/v2/{repository}/blobs/uploads/", null, cancellationToken);
        start.EnsureSuccessStatusCode();
        var location = new Uri(http.BaseAddress!, start.Headers.Location!);
        var separator = location.Query.Length > 0 ? "&" : "?";
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.PutAsync(
            location + separator + "digest=" + Uri.EscapeDataString(digest), body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task MountAsync(string repository, string from, string digest, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(
            $"/v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={from}", null,
            cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
