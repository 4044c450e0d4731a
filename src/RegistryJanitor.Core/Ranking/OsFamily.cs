namespace RegistryJanitor.Core.Ranking;

/// <summary>The family of the image's base operating system.</summary>
public enum OsFamily
{
    Unknown,
    Debian,
    Ubuntu,
    Alpine,
    RedHat,
    Distroless,
}
