namespace RegistryJanitor.Registries.Ecr;

/// <summary>A registry credential from <c>GetAuthorizationToken</c>.</summary>
/// <param name="BasicToken">
/// <c>authorizationToken</c>: already <c>base64("AWS:&lt;password&gt;")</c>, sent as <c>Authorization: Basic</c>
/// unchanged. A secret: never log or store it.
/// </param>
/// <param name="ExpiresAt"><c>expiresAt</c> (12 hours after issue on AWS).</param>
/// <param name="ProxyEndpoint"><c>proxyEndpoint</c>: the registry base URL the token is for.</param>
public sealed record EcrAuthorization(string BasicToken, DateTimeOffset ExpiresAt, Uri ProxyEndpoint)
{
    /// <summary>Redacted, so the token never reaches a log through <c>ToString()</c>.</summary>
    public override string ToString() =>
        $"EcrAuthorization {{ ProxyEndpoint = {ProxyEndpoint}, ExpiresAt = {ExpiresAt:O} }}";
}
