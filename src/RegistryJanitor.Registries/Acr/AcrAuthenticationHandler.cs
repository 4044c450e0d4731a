using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Registries.Acr;

/// <summary>
/// Adds the ACR credential to requests for the registry's own origin: the scope is inferred from the path (or
/// given in <see cref="ScopeOption"/>), so cached tokens go out with the first request; a 401 challenge naming
/// another scope is answered once with a token for that scope. Requests to other hosts (storage redirects) are
/// sent untouched.
/// </summary>
internal sealed partial class AcrAuthenticationHandler : DelegatingHandler
{
    /// <summary>Overrides the inferred scope of one request.</summary>
    public static readonly HttpRequestOptionsKey<string> ScopeOption = new("acr-scope");

    private readonly AcrTokenService _tokens;
    private readonly Uri _registry;
    private readonly ILogger _logger;

    public AcrAuthenticationHandler(AcrTokenService tokens, Uri registry, ILogger logger)
    {
        _tokens = tokens;
        _registry = registry;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || Uri.Compare(uri, _registry, UriComponents.SchemeAndServer, UriFormat.Unescaped,
                StringComparison.OrdinalIgnoreCase) != 0)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var scope = request.Options.TryGetValue(ScopeOption, out var explicitScope)
            ? explicitScope
            : AcrScopes.ForPath(uri.AbsolutePath);
        if (scope is not null)
        {
            request.Headers.Authorization = await _tokens.GetAuthorizationAsync(scope, cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || _tokens.Mode == AcrAuthMode.Basic
            || request.Content is not null)
        {
            return response;
        }

        var challenged = ChallengedScope(response) ?? scope;
        if (challenged is null)
        {
            return response;
        }

        Cloud.CloudLog.AcrChallenged(_logger, uri.AbsolutePath, challenged);
        _tokens.Invalidate(challenged);
        var header = await _tokens.GetAuthorizationAsync(challenged, cancellationToken);
        if (header is null)
        {
            return response;
        }

        using var retry = new HttpRequestMessage(request.Method, uri) { Version = request.Version };
        foreach (var (name, values) in request.Headers)
        {
            retry.Headers.TryAddWithoutValidation(name, values);
        }

        retry.Headers.Authorization = header;
        response.Dispose();
        return await base.SendAsync(retry, cancellationToken);
    }

    private static string? ChallengedScope(HttpResponseMessage response)
    {
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
                && challenge.Parameter is { } parameter)
            {
                var match = ScopeParameter().Match(parameter);
                if (match.Success)
                {
                    return match.Groups["scope"].Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex("(?:^|,)\\s*scope=\"(?<scope>[^\"]*)\"")]
    private static partial Regex ScopeParameter();
}
