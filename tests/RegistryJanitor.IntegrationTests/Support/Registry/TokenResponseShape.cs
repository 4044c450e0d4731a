namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>Which token fields a token response carries.</summary>
public enum TokenResponseShape
{
    Both,
    TokenOnly,
    AccessTokenOnly,
}
