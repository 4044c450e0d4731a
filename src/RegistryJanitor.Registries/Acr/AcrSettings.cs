using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Acr;

/// <summary>
/// ACR settings read from <see cref="RegistryOptions.Settings"/> of a registry with <c>Provider: Acr</c>;
/// <see cref="RegistryOptions.Url"/> is the login server, e.g. <c>https://myregistry.azurecr.io</c>.
/// </summary>
internal sealed class AcrSettings
{
    /// <summary>Settings key: <c>EntraId</c>, <c>Basic</c> or <c>Anonymous</c>. Default: Basic when a user name is
    /// configured, otherwise EntraId.</summary>
    public const string AuthKey = "Auth";

    /// <summary>Settings key: Entra ID audience. Default <c>https://management.azure.com</c>; use
    /// <c>https://containerregistry.azure.net</c> where ARM-audience tokens are disabled.</summary>
    public const string AudienceKey = "Audience";

    /// <summary>Settings key: the token <c>service</c> value. Default: the login server host name.</summary>
    public const string ServiceKey = "Service";

    /// <summary>Settings key: ARM base URL. Default <c>https://management.azure.com/</c>.</summary>
    public const string ArmEndpointKey = "ArmEndpoint";

    /// <summary>Settings key: the registry's ARM resource id, needed for billed storage and pull metrics.
    /// Default: none (those statistics are recorded as unavailable).</summary>
    public const string ResourceIdKey = "ResourceId";

    /// <summary>Settings key: <c>n</c> per metadata page (1-1000). Default 100.</summary>
    public const string PageSizeKey = "PageSize";

    /// <summary>Settings key: <c>orderby</c> of manifest listing: <c>timedesc</c>, <c>timeasc</c> or <c>none</c>.
    /// Default <c>timedesc</c>.</summary>
    public const string ManifestOrderByKey = "ManifestOrderBy";

    /// <summary>
    /// Settings key: how long before a token's <c>exp</c> it is renewed (TimeSpan). Default 00:05:00.
    /// </summary>
    public const string RenewBeforeExpiryKey = "RenewBeforeExpiry";

    public required Uri Registry { get; init; }

    public required string Service { get; init; }

    public AcrAuthMode Mode { get; init; }

    public required string AadScope { get; init; }

    public required Uri ArmEndpoint { get; init; }

    public string? ResourceId { get; init; }

    public int PageSize { get; init; } = 100;

    public string ManifestOrderBy { get; init; } = "timedesc";

    public TimeSpan RenewBeforeExpiry { get; init; } = TimeSpan.FromMinutes(5);

    public string? Username { get; init; }

    public Func<string?> ReadPassword { get; init; } = () => null;

    public static AcrSettings FromOptions(RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registry = options.Url ?? throw ProviderSettings.Invalid(options, "Url", "is required");
        var modeText = ProviderSettings.GetString(options, AuthKey);
        AcrAuthMode mode;
        if (modeText is null)
        {
            mode = string.IsNullOrEmpty(options.Username) ? AcrAuthMode.EntraId : AcrAuthMode.Basic;
        }
        else if (!Enum.TryParse(modeText, ignoreCase: true, out mode) || !Enum.IsDefined(mode))
        {
            throw ProviderSettings.Invalid(options, AuthKey, "must be EntraId, Basic or Anonymous");
        }

        if (mode == AcrAuthMode.Basic && string.IsNullOrEmpty(options.Username))
        {
            throw ProviderSettings.Invalid(
                options, AuthKey, "is Basic but Registries:" + options.Name + ":Username is empty");
        }

        var orderBy = ProviderSettings.GetString(options, ManifestOrderByKey) ?? "timedesc";
        if (orderBy is not ("timedesc" or "timeasc" or "none"))
        {
            throw ProviderSettings.Invalid(options, ManifestOrderByKey, "must be timedesc, timeasc or none");
        }

        var audience = (ProviderSettings.GetUri(options, AudienceKey) ?? new Uri("https://management.azure.com"))
            .GetLeftPart(UriPartial.Authority);
        return new AcrSettings
        {
            Registry = new Uri(registry.GetLeftPart(UriPartial.Authority) + "/"),
            Service = ProviderSettings.GetString(options, ServiceKey) ?? registry.Host,
            Mode = mode,
            AadScope = audience + "/.default",
            ArmEndpoint = ProviderSettings.GetUri(options, ArmEndpointKey) ?? new Uri("https://management.azure.com/"),
            ResourceId = ProviderSettings.GetString(options, ResourceIdKey),
            PageSize = ProviderSettings.GetInt(options, PageSizeKey, 100, 1, 1000),
            ManifestOrderBy = orderBy,
            RenewBeforeExpiry = ProviderSettings.GetTimeSpan(options, RenewBeforeExpiryKey, TimeSpan.FromMinutes(5)),
            Username = options.Username,
            ReadPassword = () => SecretReader.ReadPassword(options),
        };
    }
}
