using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// Answers registry auth challenges for the test clients: Basic with the configured credentials, and the
/// Docker token flow (GET realm?service&amp;scope with Basic credentials, then Bearer). Tokens are cached per
/// repository and renewed whenever the registry challenges again (for example a push after a pull).
/// </summary>
/// <remarks>
/// A request whose content cannot be sent twice (a streamed upload) is not retried after a 401; the builder
/// always starts an upload with a small POST first, which obtains the push token for the repository.
/// </remarks>
public sealed partial class RegistryChallengeHandler(RegistryCredentials? credentials) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue> byRepository = new();

    /// <summary>Tokens fetched from a token endpoint so far.</summary>
    public int TokensFetched => tokensFetched;

    private int tokensFetched;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var key = RepositoryKey(request.RequestUri);
        if (byRepository.TryGetValue(key, out var cached))
        {
            request.Headers.Authorization = cached;
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Content is StreamingContent)
        {
            return response;
        }

        var challenge = response.Headers.WwwAuthenticate.FirstOrDefault();
        if (challenge is null)
        {
            return response;
        }

        var authorization = await AnswerAsync(challenge, cancellationToken);
        if (authorization is null)
        {
            return response;
        }

        response.Dispose();
        byRepository[key] = authorization;
        request.Headers.Authorization = authorization;
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<AuthenticationHeaderValue?> AnswerAsync(
        AuthenticationHeaderValue challenge,
        CancellationToken cancellationToken)
    {
        if (string.Equals(challenge.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return credentials is null ? null : new AuthenticationHeaderValue("Basic", credentials.BasicParameter());
        }

        if (!string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parameters = ChallengeParameter().Matches(challenge.Parameter ?? string.Empty)
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.OrdinalIgnoreCase);
        if (!parameters.TryGetValue("realm", out var realm))
        {
            return null;
        }

        var query = new List<string>();
        if (parameters.TryGetValue("service", out var service))
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        if (parameters.TryGetValue("scope", out var scope))
        {
            query.AddRange(scope.Split(' ').Select(s => "scope=" + Uri.EscapeDataString(s)));
        }

        var separator = realm.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, realm + separator + string.Join('&', query));
        if (credentials is not null)
        {
            tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicParameter());
        }

        using var tokenResponse = await base.SendAsync(tokenRequest, cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            return null;
        }

        Interlocked.Increment(ref tokensFetched);
        using var document = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken));
        var token = document.RootElement.TryGetProperty("token", out var t) ? t.GetString()
            : document.RootElement.TryGetProperty("access_token", out var a) ? a.GetString()
            : null;
        return token is null ? null : new AuthenticationHeaderValue("Bearer", token);
    }

    private static string RepositoryKey(Uri? uri)
    {
        var path = uri?.AbsolutePath ?? string.Empty;
        var match = RepositoryPath().Match(path);
        return match.Success ? match.Groups["name"].Value : path;
    }

    [GeneratedRegex("(?<key>[A-Za-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex ChallengeParameter();

    [GeneratedRegex("^/v2/(?<name>.+?)/(blobs|manifests|tags)/")]
    private static partial Regex RepositoryPath();
}
