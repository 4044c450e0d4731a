namespace RegistryJanitor.Core.Manifests;

/// <summary>
/// What the product keeps from an image config blob. Environment variable values are never kept, only
/// their names, because values are often secrets.
/// </summary>
/// <param name="Created">The <c>created</c> timestamp, when given and parseable.</param>
/// <param name="Os">The <c>os</c> field.</param>
/// <param name="Architecture">The <c>architecture</c> field.</param>
/// <param name="Variant">The <c>variant</c> field, when given.</param>
/// <param name="User">The <c>config.User</c> value, null when absent (absent or empty means root).</param>
/// <param name="EnvNames">The names of <c>config.Env</c> entries, in order, values dropped.</param>
/// <param name="Labels">The <c>config.Labels</c> map.</param>
/// <param name="HealthcheckTest">The <c>config.Healthcheck.Test</c> array, null when no healthcheck is set.</param>
/// <param name="ExposedPorts">The keys of <c>config.ExposedPorts</c>, sorted.</param>
/// <param name="History">The <c>history</c> entries in order.</param>
/// <param name="DiffIds">The <c>rootfs.diff_ids</c> in order.</param>
public sealed record ImageConfigFacts(
    DateTimeOffset? Created,
    string? Os,
    string? Architecture,
    string? Variant,
    string? User,
    IReadOnlyList<string> EnvNames,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string>? HealthcheckTest,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<string> DiffIds);
