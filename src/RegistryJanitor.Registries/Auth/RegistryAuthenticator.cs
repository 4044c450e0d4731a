using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Registries.Auth;

/// <summary>
/// The auth state of one registry: which scheme it asked for, and bearer tokens per (realm, service, scope
/// set) cached until shortly before they expire. The first request goes out anonymously; the challenge it
/// gets decides the scheme, and later requests carry credentials up front so they cost no extra round trip.
/// </summary>
internal sealed class RegistryAuthenticator
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxRenewMargin = TimeSpan.FromSeconds(30);

    private readonly string registryName;
    private readonly RegistryCredentials? credentials;
    private readonly HttpClient tokenClient;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, CachedToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> tokenLocks = new(StringComparer.Ordinal);
    private volatile AuthChallenge? scheme;

    public RegistryAuthenticator(
        string registryName,
        RegistryCredentials? credentials,
        HttpClient tokenClient,
        TimeProvider timeProvider,
        ILogger logger)
    {
        this.registryName = registryName;
        this.credentials = credentials;
        this.tokenClient = tokenClient;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Adds the Authorization header the registry is known to want for <paramref name="scope"/>.</summary>
    public async ValueTask ApplyAsync(HttpRequestMessage request, string scope, CancellationToken cancellationToken)
    {
        var known = scheme;
        if (known is null)
        {
            return;
        }

        if (known.IsBasic && credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
            return;
        }

        if (known.IsBearer)
        {
            var token = await GetTokenAsync(known, [scope], forceRenew: false, cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>
    /// Handles a 401: learns the scheme and prepares credentials for a retry. Throws a clear error when
    /// retrying cannot help (no credentials, or credentials just refused).
    /// </summary>
    public async Task HandleChallengeAsync(
        IReadOnlyList<AuthChallenge> challenges, string scope, int attempt, CancellationToken cancellationToken)
    {
        var bearer = challenges.FirstOrDefault(c => c.IsBearer && !string.IsNullOrEmpty(c.Realm));
        if (bearer is not null)
        {
            if (attempt > 1 && !string.Equals(bearer.Error, "insufficient_scope", StringComparison.Ordinal))
            {
                throw Refused(scope);
            }

            scheme = bearer;
            var scopes = new List<string> { scope };
            if (!string.IsNullOrEmpty(bearer.Scope))
            {
                scopes.AddRange(bearer.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            Log.AuthChallenge(logger, registryName, "Bearer", bearer.Error ?? string.Empty);
            var token = await GetTokenAsync(bearer, scopes, forceRenew: true, cancellationToken);
            tokens[CacheKey(bearer, [scope])] = tokens[CacheKey(bearer, scopes)] with { Token = token };
            return;
        }

        if (challenges.Any(c => c.IsBasic))
        {
            if (credentials is null)
            {
                throw new RegistryAuthenticationException(
                    $"Registry '{registryName}' requires credentials (Basic auth) and none are configured.");
            }

            if (scheme is { IsBasic: true } && attempt > 1)
            {
                throw Refused(scope);
            }

            Log.AuthChallenge(logger, registryName, "Basic", string.Empty);
            scheme = challenges.First(c => c.IsBasic);
            return;
        }

        throw new RegistryAuthenticationException(
            $"Registry '{registryName}' answered 401 without a usable WWW-Authenticate challenge.");
    }

    private RegistryAuthenticationException Refused(string scope) =>
        new(credentials is null
            ? $"Registry '{registryName}' refused anonymous access to '{scope}' (401); configure credentials."
            : $"Registry '{registryName}' refused the credentials of user '{credentials.Username}' "
                + $"for '{scope}' (401).");

    private async Task<string> GetTokenAsync(
        AuthChallenge challenge, IReadOnlyList<string> scopes, bool forceRenew, CancellationToken cancellationToken)
    {
        var key = CacheKey(challenge, scopes);
        if (!forceRenew && tokens.TryGetValue(key, out var cached) && cached.RenewAt > timeProvider.GetUtcNow())
        {
            return cached.Token;
        }

        var gate = tokenLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!forceRenew && tokens.TryGetValue(key, out cached) && cached.RenewAt > timeProvider.GetUtcNow())
            {
                return cached.Token;
            }

            var fetched = await FetchTokenAsync(challenge, scopes, cancellationToken);
            tokens[key] = fetched;
            return fetched.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<CachedToken> FetchTokenAsync(
        AuthChallenge challenge, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(challenge.Service))
        {
            query.Add("service=" + Uri.EscapeDataString(challenge.Service));
        }

        query.AddRange(scopes.Distinct(StringComparer.Ordinal).Select(s => "scope=" + Uri.EscapeDataString(s)));
        var realm = challenge.Realm!;
        var separator = realm.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var uri = new Uri(query.Count == 0 ? realm : realm + separator + string.Join('&', query));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
        }

        using var response = await tokenClient.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthenticationException(credentials is null
                ? $"The token server of registry '{registryName}' refused anonymous access "
                    + $"({(int)response.StatusCode})."
                : $"The token server of registry '{registryName}' refused the credentials of user "
                    + $"'{credentials.Username}' ({(int)response.StatusCode}).");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryClientException(
                $"The token server of registry '{registryName}' answered {(int)response.StatusCode}.",
                response.StatusCode, null);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        TokenResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.TokenResponse);
        }
        catch (JsonException exception)
        {
            throw new RegistryAuthenticationException(
                $"The token server of registry '{registryName}' returned a body that is not a token.", exception);
        }

        var token = !string.IsNullOrEmpty(parsed?.Token) ? parsed.Token : parsed?.AccessToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new RegistryAuthenticationException(
                $"The token server of registry '{registryName}' returned no token.");
        }

        var lifetime = parsed!.ExpiresIn is > 0 ? TimeSpan.FromSeconds(parsed.ExpiresIn.Value) : DefaultLifetime;
        var margin = TimeSpan.FromTicks(Math.Min(MaxRenewMargin.Ticks, lifetime.Ticks / 4));
        Log.TokenIssued(logger, registryName, scopes.Count, (int)lifetime.TotalSeconds);
        return new CachedToken(token, timeProvider.GetUtcNow() + lifetime - margin);
    }

    private static string CacheKey(AuthChallenge challenge, IReadOnlyList<string> scopes) =>
        challenge.Realm + "|" + challenge.Service + "|"
        + string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
