namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>One request the token server answered.</summary>
/// <param name="User">The authenticated user, or null for anonymous or rejected requests.</param>
/// <param name="Service">The <c>service</c> parameter.</param>
/// <param name="Scopes">The <c>scope</c> parameters, in order.</param>
/// <param name="StatusCode">What the server answered.</param>
public sealed record TokenRequestRecord(string? User, string? Service, IReadOnlyList<string> Scopes, int StatusCode);
