using System.Collections.Concurrent;
using System.Net;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>
/// Once armed, answers the next request that carries a Bearer token with 401 and an <c>invalid_token</c>
/// Bearer challenge (as a registry does for a revoked token or after a key rotation), and records the
/// Authorization header of every request after that.
/// </summary>
internal sealed class RejectOnceHandler(Uri realm, string service) : DelegatingHandler
{
    private readonly ConcurrentQueue<string?> afterArming = new();
    private int armed;

    /// <summary>The Authorization header of each request since <see cref="Arm"/>, the rejected one first.</summary>
    public IReadOnlyList<string?> AuthorizationsSinceArmed => [.. afterArming];

    public void Arm() => Interlocked.Exchange(ref armed, 1);

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization;
        if (Volatile.Read(ref armed) == 0)
        {
            return base.SendAsync(request, cancellationToken);
        }

        afterArming.Enqueue(authorization?.ToString());
        if (authorization?.Scheme != "Bearer" || Interlocked.Exchange(ref armed, 2) != 1)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var scope = "repository:" + RepositoryOf(request.RequestUri!) + ":pull";
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request };
        response.Headers.TryAddWithoutValidation(
            "WWW-Authenticate",
            $"Bearer realm=\"{realm}\",service=\"{service}\",scope=\"{scope}\",error=\"invalid_token\"");
        return Task.FromResult(response);
    }

    private static string RepositoryOf(Uri uri)
    {
        var path = uri.AbsolutePath;
        var end = path.IndexOf("/manifests/", StringComparison.Ordinal);
        return end > 4 ? path[4..end] : string.Empty;
    }
}
