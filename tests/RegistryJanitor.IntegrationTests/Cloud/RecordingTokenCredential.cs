using System.Collections.Concurrent;
using Azure.Core;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>An Entra ID credential stand-in: returns <c>aad-{scope}</c> and records every scope asked for.</summary>
public sealed class RecordingTokenCredential(TimeProvider clock) : TokenCredential
{
    public ConcurrentQueue<string> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var scope = string.Join(' ', requestContext.Scopes);
        RequestedScopes.Enqueue(scope);
        return new AccessToken("aad-" + scope, clock.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext,
        CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
