namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>How the test token server authenticates and what its responses look like.</summary>
public sealed class TestTokenServerOptions
{
    /// <summary>Accepted Basic credentials (name → password). Default <c>scanner</c>/<c>s3cret</c>.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } =
        new Dictionary<string, string> { ["scanner"] = "s3cret" };

    /// <summary>Whether a request without credentials gets a token (with no access granted). Default false.</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>The service name, also the token audience. Default <c>registryjanitor-test</c>.</summary>
    public string Service { get; init; } = "registryjanitor-test";

    /// <summary>The token issuer. Default <c>registryjanitor-test-issuer</c>.</summary>
    public string Issuer { get; init; } = "registryjanitor-test-issuer";

    /// <summary>Token lifetime. Default 5 minutes.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Which of <c>token</c> and <c>access_token</c> the response carries. Default both.</summary>
    public TokenResponseShape ResponseShape { get; init; } = TokenResponseShape.Both;

    /// <summary>Whether the response states <c>expires_in</c> (clients must assume 60 s without it).</summary>
    public bool IncludeExpiresIn { get; init; } = true;

    /// <summary>
    /// Narrows what a user gets for a scope: (user or null, type, name, requested actions) → granted actions.
    /// Default: everything requested for an authenticated user, nothing for anonymous.
    /// </summary>
    public Func<string?, string, string, IReadOnlyList<string>, IReadOnlyList<string>>? Grant { get; init; }

    /// <summary>Clock for iat/nbf/exp. The registry checks them against the real clock, so keep the default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
