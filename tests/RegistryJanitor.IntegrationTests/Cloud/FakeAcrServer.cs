using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A fake ACR following the shapes of the Azure REST spec examples (azure-rest-api-specs,
/// containerregistry/data-plane/Azure.ContainerRegistry/stable/2021-07-01/examples): PostRefreshToken.json
/// (<c>POST /oauth2/exchange</c> → <c>refresh_token</c>), PostAccessToken.json (<c>POST /oauth2/token</c> →
/// <c>access_token</c>), GetManifestList.json (<c>/acr/v1/{name}/_manifests</c>) and GetRepositoryList.json
/// (<c>/acr/v1/_catalog</c>), plus the relative <c>Link</c> header ACR sends. Tokens are JWTs whose <c>exp</c>
/// comes from the test clock; metadata calls demand a live token for the right scope.
/// </summary>
public sealed class FakeAcrServer : IAsyncDisposable
{
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, (string Scope, DateTimeOffset Expires)> accessTokens = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> refreshTokens = new();
    private FakeHttpServer? server;
    private int issued;

    private FakeAcrServer(TimeProvider clock) => this.clock = clock;

    public Uri BaseUri => server!.BaseUri;

    public string Service => BaseUri.Host;

    public IEnumerable<RecordedRequest> Requests => server!.Requests;

    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromHours(3);

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Repository name → manifests in GetManifestList.json's item shape.</summary>
    public Dictionary<string, List<JsonObject>> Manifests { get; } = new(StringComparer.Ordinal);

    /// <summary>Anonymous pull: answer <c>grant_type=password</c> with a token (else 401 and allow no token).</summary>
    public bool AnonymousTokenGrant { get; set; }

    /// <summary>Anonymous pull without any token: metadata reads need no Authorization.</summary>
    public bool AllowAnonymousReads { get; set; }

    /// <summary>Answer the Azure Monitor metrics call with 403 AuthorizationFailed.</summary>
    public bool MetricsForbidden { get; set; }

    public long BilledStorageBytes { get; set; }

    /// <summary>
    /// A real distribution registry (anonymous) that serves <c>/v2</c> behind this fake's ACR token check, so
    /// manifests and blobs are the genuine article.
    /// </summary>
    public Uri? Upstream { get; set; }

    /// <summary>How many of the next registry requests (anything but <c>/oauth2/*</c>) are answered 503.</summary>
    public int UnavailableResponses { get; set; }

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public static async Task<FakeAcrServer> StartAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var fake = new FakeAcrServer(clock);
        fake.server = await FakeHttpServer.StartAsync(fake.HandleAsync, cancellationToken);
        return fake;
    }

    public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        var response = context.Response;
        if (!request.Path.StartsWith("/oauth2/", StringComparison.Ordinal) && UnavailableResponses > 0)
        {
            UnavailableResponses--;
            response.StatusCode = 503;
            return;
        }

        switch (request.Path)
        {
            case "/oauth2/exchange" when request.Method == "POST":
                await ExchangeAsync(request, response);
                return;
            case "/oauth2/token" when request.Method == "POST":
                await TokenAsync(request, response);
                return;
        }

        if (request.Path.StartsWith("/v2/", StringComparison.Ordinal) && Upstream is not null)
        {
            await ProxyAsync(request, context);
            return;
        }

        if (request.Path.StartsWith("/subscriptions/", StringComparison.Ordinal))
        {
            await ArmAsync(request, response);
            return;
        }

        var scope = request.Path == "/acr/v1/_catalog"
            ? "registry:catalog:*"
            : $"repository:{RepositoryOf(request.Path)}:metadata_read";
        if (!Authorized(request, scope))
        {
            response.StatusCode = 401;
            response.Headers.WWWAuthenticate =
                $"Bearer realm=\"{BaseUri}oauth2/token\",service=\"{Service}\",scope=\"{scope}\"";
            await response.WriteAsJsonAsync(Errors("UNAUTHORIZED", "authentication required"));
            return;
        }

        if (request.Path == "/acr/v1/_catalog")
        {
            var names = Manifests.Keys.Order(StringComparer.Ordinal).Select(name => (JsonNode)name).ToList();
            await WritePageAsync(request, response, "repositories", names, n => n.ToString());
        }
        else if (request.Path.EndsWith("/_tags", StringComparison.Ordinal)
                 && Manifests.TryGetValue(RepositoryOf(request.Path), out var tagged))
        {
            // GetTagList.json item shape: name, digest, createdTime, lastUpdateTime, signed, changeableAttributes.
            var tags = tagged
                .SelectMany(m => ((JsonArray)m["tags"]!).Select(t => (JsonNode)new JsonObject
                {
                    ["name"] = (string)t!,
                    ["digest"] = (string)m["digest"]!,
                    ["createdTime"] = (string)m["createdTime"]!,
                    ["lastUpdateTime"] = (string)m["lastUpdateTime"]!,
                    ["signed"] = false,
                }))
                .OrderBy(t => (string)t["name"]!, StringComparer.Ordinal)
                .ToList();
            await WritePageAsync(request, response, "tags", tags, t => (string)t["name"]!);
        }
        else if (request.Path.EndsWith("/_manifests", StringComparison.Ordinal)
                 && Manifests.TryGetValue(RepositoryOf(request.Path), out var manifests))
        {
            var ordered = request.QueryValue("orderby") == "timedesc"
                ? manifests.OrderByDescending(m => (string)m["lastUpdateTime"]!, StringComparer.Ordinal).ToList()
                : manifests;
            await WritePageAsync(request, response, "manifests", ordered.Select(m => (JsonNode)m.DeepClone()).ToList(),
                m => (string)m["digest"]!);
        }
        else
        {
            response.StatusCode = 404;
            await response.WriteAsJsonAsync(Errors("NAME_UNKNOWN", "repository name not known to registry"));
        }
    }

    private async Task ProxyAsync(RecordedRequest request, HttpContext context)
    {
        var response = context.Response;
        var match = System.Text.RegularExpressions.Regex.Match(
            request.Path, "^/v2/(?<name>.+?)/(manifests|blobs|tags|referrers)/");
        var scope = match.Success ? $"repository:{match.Groups["name"].Value}:pull" : "registry:catalog:*";
        if (!Authorized(request, scope))
        {
            response.StatusCode = 401;
            response.Headers.WWWAuthenticate =
                $"Bearer realm=\"{BaseUri}oauth2/token\",service=\"{Service}\",scope=\"{scope}\"";
            return;
        }

        using var upstreamRequest = new HttpRequestMessage(
            new HttpMethod(request.Method), new Uri(Upstream!, request.Path + request.Query));
        if (request.Header("Accept") is { } accept)
        {
            upstreamRequest.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var upstream = await ProxyClient.SendAsync(
            upstreamRequest, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        response.StatusCode = (int)upstream.StatusCode;
        foreach (var (name, values) in upstream.Headers.Concat(upstream.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Connection"))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        if (request.Method != "HEAD")
        {
            await upstream.Content.CopyToAsync(response.Body, context.RequestAborted);
        }
    }

    private static readonly HttpClient ProxyClient = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    private async Task ExchangeAsync(RecordedRequest request, HttpResponse response)
    {
        var form = request.Form();
        if (form["grant_type"].SingleOrDefault() != "access_token" || form["service"].SingleOrDefault() != Service
            || !(form["access_token"].SingleOrDefault() ?? "").StartsWith("aad-", StringComparison.Ordinal))
        {
            response.StatusCode = 401;
            await response.WriteAsJsonAsync(Errors("UNAUTHORIZED", "invalid AAD access token"));
            return;
        }

        var token = Jwt(clock.GetUtcNow() + RefreshTokenLifetime);
        refreshTokens[token] = clock.GetUtcNow() + RefreshTokenLifetime;
        await response.WriteAsJsonAsync(new JsonObject { ["refresh_token"] = token });
    }

    private async Task TokenAsync(RecordedRequest request, HttpResponse response)
    {
        var form = request.Form();
        var scope = string.Join(' ', form["scope"]);
        var grant = form["grant_type"].SingleOrDefault();
        var valid = form["service"].SingleOrDefault() == Service && grant switch
        {
            "refresh_token" => refreshTokens.TryGetValue(form["refresh_token"].SingleOrDefault() ?? "", out var expires)
                               && expires > clock.GetUtcNow(),
            "password" => AnonymousTokenGrant,
            _ => false,
        };
        if (!valid)
        {
            response.StatusCode = 401;
            await response.WriteAsJsonAsync(Errors("UNAUTHORIZED", "invalid grant"));
            return;
        }

        var token = Jwt(clock.GetUtcNow() + AccessTokenLifetime);
        accessTokens[token] = (scope, clock.GetUtcNow() + AccessTokenLifetime);
        await response.WriteAsJsonAsync(new JsonObject { ["access_token"] = token });
    }

    private async Task ArmAsync(RecordedRequest request, HttpResponse response)
    {
        if (!(request.Header("Authorization") ?? "").StartsWith("Bearer aad-", StringComparison.Ordinal))
        {
            response.StatusCode = 401;
            return;
        }

        if (request.Path.EndsWith("/listUsages", StringComparison.Ordinal))
        {
            // Shape of the ARM RegistryUsageListResult: value[{name, limit, currentValue, unit}].
            await response.WriteAsync($$"""
                {"value":[{"name":"Size","limit":536870912000,"currentValue":{{BilledStorageBytes}},"unit":"Bytes"},
                {"name":"Webhooks","limit":500,"currentValue":1,"unit":"Count"}]}
                """);
            return;
        }

        response.StatusCode = MetricsForbidden ? 403 : 404;
        await response.WriteAsync("""{"error":{"code":"AuthorizationFailed","message":"no access"}}""");
    }

    private bool Authorized(RecordedRequest request, string scope)
    {
        var header = request.Header("Authorization");
        if (header is null)
        {
            return AllowAnonymousReads;
        }

        return header.StartsWith("Bearer ", StringComparison.Ordinal)
               && accessTokens.TryGetValue(header["Bearer ".Length..], out var granted)
               && granted.Expires > clock.GetUtcNow()
               && granted.Scope.Split(' ').Contains(scope);
    }

    private async Task WritePageAsync(
        RecordedRequest request,
        HttpResponse response,
        string property,
        List<JsonNode> items,
        Func<JsonNode, string> key)
    {
        var n = int.Parse(request.QueryValue("n") ?? "100", CultureInfo.InvariantCulture);
        var last = request.QueryValue("last");
        var start = last is null ? 0 : items.FindIndex(item => key(item) == last) + 1;
        var page = items.Skip(start).Take(n).ToList();
        if (start + n < items.Count)
        {
            var orderby = request.QueryValue("orderby");
            var link = $"{request.Path}?last={key(page[^1])}&n={n}" + (orderby is null ? "" : $"&orderby={orderby}");
            response.Headers.Append("Link", $"<{link}>; rel=\"next\"");
        }

        var body = new JsonObject { ["registry"] = Service, [property] = new JsonArray(page.ToArray()) };
        if (property == "manifests")
        {
            body["imageName"] = RepositoryOf(request.Path);
        }

        await response.WriteAsJsonAsync(body);
    }

    private string Jwt(DateTimeOffset expires)
    {
        var number = Interlocked.Increment(ref issued);
        var header = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"jti":"{{number}}","exp":{{expires.ToUnixTimeSeconds()}},"iss":"Azure Container Registry"}"""));
        return $"{header}.{payload}.c2ln";
    }

    private static string RepositoryOf(string path)
    {
        var trimmed = path["/acr/v1/".Length..];
        var marker = trimmed.LastIndexOf("/_", StringComparison.Ordinal);
        return marker < 0 ? trimmed : trimmed[..marker];
    }

    private static JsonObject Errors(string code, string message) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };
}
