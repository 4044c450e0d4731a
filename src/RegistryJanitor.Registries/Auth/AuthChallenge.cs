namespace RegistryJanitor.Registries.Auth;

/// <summary>One <c>WWW-Authenticate</c> challenge: a scheme and its parameters (names lowercase).</summary>
/// <param name="Scheme">The scheme as sent, e.g. <c>Bearer</c> or <c>Basic</c>.</param>
/// <param name="Parameters">The auth parameters, names compared case-insensitively.</param>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => string.Equals(Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => string.Equals(Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameter("realm");

    public string? Service => Parameter("service");

    public string? Scope => Parameter("scope");

    public string? Error => Parameter("error");

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
