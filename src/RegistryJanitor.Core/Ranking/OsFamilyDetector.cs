namespace RegistryJanitor.Core.Ranking;

/// <summary>Reads the base OS family from the base-name annotation, package databases, then history steps.</summary>
public static class OsFamilyDetector
{
    public static OsFamily Detect(ImageEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var baseName = evidence.Annotations.GetValueOrDefault(BaseImageAnnotations.BaseName)
            ?? evidence.Config?.Labels.GetValueOrDefault(BaseImageAnnotations.BaseName);
        if (baseName is not null && FromName(baseName) is var named and not OsFamily.Unknown)
        {
            return named;
        }

        var packages = evidence.Analysis?.Packages ?? [];
        if (packages.Any(package => package.Ecosystem == "apk"))
        {
            return OsFamily.Alpine;
        }

        if (packages.Any(package => package.Ecosystem == "dpkg"))
        {
            return packages.Any(package => package.Name == "ubuntu-keyring") ? OsFamily.Ubuntu : OsFamily.Debian;
        }

        var steps = (evidence.Config?.History ?? []).Select(step => step.CreatedBy ?? string.Empty).ToList();
        return steps.Any(step => step.Contains("apt-get", StringComparison.Ordinal)) ? OsFamily.Debian
            : steps.Any(step => step.Contains("apk add", StringComparison.Ordinal)) ? OsFamily.Alpine
            : steps.Any(step => step.Contains("dnf ", StringComparison.Ordinal)
                || step.Contains("yum ", StringComparison.Ordinal)) ? OsFamily.RedHat
            : OsFamily.Unknown;
    }

    private static OsFamily FromName(string name) => name.ToLowerInvariant() switch
    {
        var n when n.Contains("distroless", StringComparison.Ordinal)
            || n.Contains("chiseled", StringComparison.Ordinal) => OsFamily.Distroless,
        var n when n.Contains("alpine", StringComparison.Ordinal) => OsFamily.Alpine,
        var n when n.Contains("ubuntu", StringComparison.Ordinal) => OsFamily.Ubuntu,
        var n when n.Contains("ubi", StringComparison.Ordinal) || n.Contains("rocky", StringComparison.Ordinal)
            || n.Contains("fedora", StringComparison.Ordinal) => OsFamily.RedHat,
        var n when n.Contains("debian", StringComparison.Ordinal) || n.Contains("bookworm", StringComparison.Ordinal)
            || n.Contains("slim", StringComparison.Ordinal) => OsFamily.Debian,
        _ => OsFamily.Unknown,
    };
}
