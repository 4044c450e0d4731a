using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// A Docker token server for tests (Kestrel on a free 127.0.0.1 port): <c>GET /token?service=&amp;scope=</c>
/// with Basic credentials answers <c>token</c>, <c>access_token</c>, <c>expires_in</c> and <c>issued_at</c>,
/// signed so a distribution 2.8 registry configured with <see cref="RegistryAuth"/> accepts it. Wrong
/// credentials get 401. Every request is counted and recorded.
/// <code>
/// await using var tokens = await TestTokenServer.StartAsync(cancellationToken: ct);
/// await using var registry = await RegistryProcess.StartAsync(new() { TokenAuth = tokens.RegistryAuth }, ct);
/// </code>
/// </summary>
public sealed class TestTokenServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TokenSigner signer;
    private readonly TestTokenServerOptions options;
    private readonly ConcurrentQueue<TokenRequestRecord> requests = new();
    private readonly string directory;
    private int tokensIssued;
    private int rejected;

    private TestTokenServer(WebApplication app, TokenSigner signer, TestTokenServerOptions options, string directory)
    {
        this.app = app;
        this.signer = signer;
        this.options = options;
        this.directory = directory;
        RootCertBundlePath = Path.Combine(directory, "token-signing.pem");
        File.WriteAllText(RootCertBundlePath, signer.CertificatePem);
    }

    /// <summary>The token endpoint, e.g. <c>http://127.0.0.1:PORT/token</c>.</summary>
    public Uri Realm { get; private set; } = null!;

    /// <summary>PEM file with the signing certificate (the registry's rootcertbundle).</summary>
    public string RootCertBundlePath { get; }

    /// <summary>The <c>auth.token</c> settings for a registry that trusts this server.</summary>
    public RegistryTokenAuth RegistryAuth => new(Realm, options.Service, options.Issuer, RootCertBundlePath);

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<TokenRequestRecord> Requests => [.. requests];

    /// <summary>Requests answered with a token.</summary>
    public int TokensIssued => tokensIssued;

    /// <summary>Requests refused with 401 (wrong or missing credentials).</summary>
    public int Rejected => rejected;

    /// <summary>Starts the server and returns once it listens.</summary>
    public static async Task<TestTokenServer> StartAsync(
        TestTokenServerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new TestTokenServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var directory = Directory.CreateTempSubdirectory("registryjanitor-tokens-").FullName;
        var server = new TestTokenServer(app, new TokenSigner(options.TimeProvider), options, directory);
        app.MapGet("/token", server.Handle);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        server.Realm = new Uri(new Uri(address), "/token");
        return server;
    }

    /// <summary>Stops the server and removes the certificate file.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        signer.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private IResult Handle(HttpContext context)
    {
        var service = context.Request.Query["service"].ToString();
        var scopes = context.Request.Query["scope"]
            .SelectMany(s => (s ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var (authenticated, user) = Authenticate(context.Request.Headers.Authorization.ToString());
        if (!authenticated || (user is null && !options.AllowAnonymous))
        {
            Interlocked.Increment(ref rejected);
            requests.Enqueue(new TokenRequestRecord(null, service, scopes, StatusCodes.Status401Unauthorized));
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"registryjanitor-test-tokens\"";
            return Results.Json(
                new { errors = new[] { new { code = "UNAUTHORIZED", message = "authentication required" } } },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var access = scopes.Select(Parse).Select(s => (s.Type, s.Name, Actions: Granted(user, s))).ToList();
        var issuedAt = options.TimeProvider.GetUtcNow();
        var token = signer.Sign(options.Issuer, user, options.Service, issuedAt, options.TokenLifetime, access);
        Interlocked.Increment(ref tokensIssued);
        requests.Enqueue(new TokenRequestRecord(user, service, scopes, StatusCodes.Status200OK));

        var body = new Dictionary<string, object>();
        if (options.ResponseShape != TokenResponseShape.AccessTokenOnly)
        {
            body["token"] = token;
        }

        if (options.ResponseShape != TokenResponseShape.TokenOnly)
        {
            body["access_token"] = token;
        }

        if (options.IncludeExpiresIn)
        {
            body["expires_in"] = (int)options.TokenLifetime.TotalSeconds;
        }

        body["issued_at"] = issuedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        return Results.Json(body);
    }

    private (bool Authenticated, string? User) Authenticate(string authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return (true, null);
        }

        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return (false, null);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            return (false, null);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (false, null);
        }

        var name = decoded[..colon];
        var password = decoded[(colon + 1)..];
        return options.Users.TryGetValue(name, out var expected) && expected == password
            ? (true, name)
            : (false, null);
    }

    private IReadOnlyList<string> Granted(string? user, (string Type, string Name, IReadOnlyList<string> Actions) scope)
    {
        if (options.Grant is { } grant)
        {
            return grant(user, scope.Type, scope.Name, scope.Actions);
        }

        return user is null ? [] : scope.Actions;
    }

    // type:name:actions, where the name itself may contain a host:port, so split on the first and last colon.
    private static (string Type, string Name, IReadOnlyList<string> Actions) Parse(string scope)
    {
        var first = scope.IndexOf(':', StringComparison.Ordinal);
        var last = scope.LastIndexOf(':');
        if (first < 0 || last <= first)
        {
            return (scope, string.Empty, []);
        }

        return (scope[..first], scope[(first + 1)..last], scope[(last + 1)..].Split(','));
    }
}
