namespace RegistryJanitor.Registries.Acr;

/// <summary>How the ACR provider authenticates.</summary>
public enum AcrAuthMode
{
    /// <summary>Microsoft Entra ID token exchanged for ACR refresh and access tokens.</summary>
    EntraId,

    /// <summary>Admin user or repository-scoped token sent as HTTP Basic on every call.</summary>
    Basic,

    /// <summary>Anonymous pull: <c>grant_type=password</c> token without credentials, else no token at all.</summary>
    Anonymous,
}
