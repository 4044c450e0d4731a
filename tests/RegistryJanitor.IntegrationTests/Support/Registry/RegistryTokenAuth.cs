namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>The <c>auth.token</c> section: where clients get tokens and how the registry verifies them.</summary>
/// <param name="Realm">Token endpoint URL sent in the Bearer challenge.</param>
/// <param name="Service">Service name (the token audience).</param>
/// <param name="Issuer">Issuer the registry trusts.</param>
/// <param name="RootCertBundlePath">PEM file with the certificate(s) whose keys sign tokens.</param>
public sealed record RegistryTokenAuth(Uri Realm, string Service, string Issuer, string RootCertBundlePath);
