using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Acr;

/// <summary>
/// Produces the Authorization header for an ACR scope: Entra ID token → <c>/oauth2/exchange</c> → ACR refresh
/// token → <c>/oauth2/token</c> per scope → access token; Basic for admin users and repository-scoped tokens;
/// the <c>grant_type=password</c> path for anonymous pull.
/// </summary>
/// <remarks>
/// Unlike the Azure SDK, access tokens are cached per scope until their JWT <c>exp</c> (less
/// <see cref="AcrSettings.RenewBeforeExpiry"/>), so a listing does not pay a token round trip per request.
/// A token without a readable <c>exp</c> is kept for one minute.
/// </remarks>
internal sealed class AcrTokenService : IDisposable
{
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromMinutes(1);

    private readonly HttpClient _httpClient;
    private readonly AcrSettings _settings;
    private readonly TokenCredential? _credential;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, CachedToken> _accessTokens = new(StringComparer.Ordinal);
    private CachedToken? _refreshToken;

    public AcrTokenService(
        HttpClient httpClient,
        AcrSettings settings,
        TokenCredential? credential,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _httpClient = httpClient;
        _settings = settings;
        _credential = credential;
        _timeProvider = timeProvider;
        _logger = logger;
        if (settings.Mode == AcrAuthMode.EntraId && credential is null)
        {
            throw new ArgumentNullException(nameof(credential), "Entra ID authentication needs a TokenCredential.");
        }
    }

    public AcrAuthMode Mode => _settings.Mode;

    /// <summary>The header to send for <paramref name="scope"/>; null means send the request without one.</summary>
    public async Task<AuthenticationHeaderValue?> GetAuthorizationAsync(
        string scope,
        CancellationToken cancellationToken)
    {
        if (_settings.Mode == AcrAuthMode.Basic)
        {
            var pair = $"{_settings.Username}:{_settings.ReadPassword()}";
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        var token = await GetAccessTokenAsync(scope, cancellationToken);
        return token is null ? null : new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Forgets the cached access token of <paramref name="scope"/> after the registry rejected it.</summary>
    public void Invalidate(string scope) => _accessTokens.TryRemove(scope, out _);

    public void Dispose() => _gate.Dispose();

    private async Task<string?> GetAccessTokenAsync(string scope, CancellationToken cancellationToken)
    {
        if (_accessTokens.TryGetValue(scope, out var cached) && IsFresh(cached))
        {
            return cached.Value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_accessTokens.TryGetValue(scope, out cached) && IsFresh(cached))
            {
                return cached.Value;
            }

            var fresh = _settings.Mode == AcrAuthMode.Anonymous
                ? await RequestAnonymousTokenAsync(scope, cancellationToken)
                : await RequestAccessTokenAsync(scope, cancellationToken);
            _accessTokens[scope] = fresh;
            return fresh.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<CachedToken> RequestAccessTokenAsync(string scope, CancellationToken cancellationToken)
    {
        var refreshToken = await GetRefreshTokenAsync(cancellationToken);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("service", _settings.Service),
        };
        fields.AddRange(SplitScopes(scope));
        fields.Add(new("refresh_token", refreshToken));

        var token = await PostForTokenAsync("oauth2/token", fields, "access_token", cancellationToken);
        var cached = ToCached(token);
        CloudLog.AcrAccessTokenObtained(_logger, scope, cached.ExpiresAt);
        return cached;
    }

    private async Task<CachedToken> RequestAnonymousTokenAsync(string scope, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "password"),
            new("service", _settings.Service),
        };
        fields.AddRange(SplitScopes(scope));
        fields.Add(new("refresh_token", string.Empty));

        using var content = new FormUrlEncodedContent(fields);
        using var response = await _httpClient.PostAsync(
            new Uri(_settings.Registry, "oauth2/token"), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Anonymous pull also works with no token at all; remember that for a short while.
            CloudLog.AcrAnonymousWithoutToken(_logger, scope, response.StatusCode);
            return new CachedToken(null, _timeProvider.GetUtcNow() + UnknownLifetime + _settings.RenewBeforeExpiry);
        }

        var token = ReadToken(await response.Content.ReadAsStringAsync(cancellationToken), "access_token");
        return ToCached(token ?? throw new CloudProviderException("ACR anonymous token response had no access_token."));
    }

    private async Task<string> GetRefreshTokenAsync(CancellationToken cancellationToken)
    {
        if (_refreshToken is { } cached && IsFresh(cached))
        {
            return cached.Value!;
        }

        var aad = await _credential!.GetTokenAsync(new TokenRequestContext([_settings.AadScope]), cancellationToken);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "access_token"),
            new("service", _settings.Service),
            new("access_token", aad.Token),
        };
        var token = await PostForTokenAsync("oauth2/exchange", fields, "refresh_token", cancellationToken);
        _refreshToken = ToCached(token);
        CloudLog.AcrRefreshTokenObtained(_logger, _settings.Service, _refreshToken.ExpiresAt);
        return token;
    }

    private async Task<string> PostForTokenAsync(
        string path,
        List<KeyValuePair<string, string>> fields,
        string property,
        CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _httpClient.PostAsync(new Uri(_settings.Registry, path), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var (code, message) = AcrErrors.Parse(text);
            throw new CloudProviderException("acr:/" + path, response.StatusCode, code, message);
        }

        return ReadToken(text, property)
            ?? throw new CloudProviderException($"ACR /{path} answered without {property}.");
    }

    private static string? ReadToken(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? CloudJson.String(document.RootElement, property)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> SplitScopes(string scope) =>
        scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new KeyValuePair<string, string>("scope", s));

    private CachedToken ToCached(string token) =>
        new(token, JwtExpiry.Read(token) ?? _timeProvider.GetUtcNow() + UnknownLifetime + _settings.RenewBeforeExpiry);

    private bool IsFresh(CachedToken token) =>
        _timeProvider.GetUtcNow() < token.ExpiresAt - _settings.RenewBeforeExpiry;

    private sealed record CachedToken(string? Value, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"CachedToken {{ ExpiresAt = {ExpiresAt:O} }}";
    }
}
