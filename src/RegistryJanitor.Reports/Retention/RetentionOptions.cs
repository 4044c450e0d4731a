namespace RegistryJanitor.Reports.Retention;

/// <summary>
/// The retention policies the product simulates every day and lists on the optimization workbook's Retention
/// sheet (configuration section <c>Retention</c>).
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// The policies to simulate, in the order the sheet lists them. Default: empty, which simulates
    /// <see cref="DefaultPolicies"/>. Configuring any policy replaces the defaults (configuration binding appends
    /// to a list that already has items, so the defaults are not held in this list).
    /// </summary>
    public List<RetentionPolicyOptions> Policies { get; set; } = [];

    /// <summary>
    /// Simulated when <see cref="Policies"/> is empty: keep the 10 newest tags per repository; delete untagged
    /// manifests after 30 days; both together; and keep releases (<c>v*</c>, <c>latest</c>) plus anything pushed
    /// in the last 90 days.
    /// </summary>
    public static IReadOnlyList<RetentionPolicyOptions> DefaultPolicies { get; } =
    [
        new() { Name = "keep-last-10", KeepLastTags = 10 },
        new() { Name = "expire-untagged-30d", ExpireUntaggedAfter = TimeSpan.FromDays(30) },
        new()
        {
            Name = "keep-last-10-expire-untagged-30d",
            KeepLastTags = 10,
            ExpireUntaggedAfter = TimeSpan.FromDays(30),
        },
        new()
        {
            Name = "keep-releases-and-90d",
            KeepTagPatterns = ["v*", "latest"],
            ExpireTagsOlderThan = TimeSpan.FromDays(90),
            ExpireUntaggedAfter = TimeSpan.FromDays(30),
        },
    ];

    /// <summary>The configured policies, or the defaults when none is configured.</summary>
    public IReadOnlyList<RetentionPolicyOptions> EffectivePolicies() =>
        Policies.Count > 0 ? Policies : DefaultPolicies;
}
