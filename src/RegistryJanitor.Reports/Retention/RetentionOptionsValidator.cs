using Microsoft.Extensions.Options;

namespace RegistryJanitor.Reports.Retention;

/// <summary>Rejects policies without a name or any rule, with negative values, or with a duplicate name.</summary>
public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Policies.Count; i++)
        {
            var policy = options.Policies[i];
            if (string.IsNullOrWhiteSpace(policy.Name))
            {
                failures.Add($"Retention:Policies:{i}:Name is required.");
            }
            else if (!names.Add(policy.Name))
            {
                failures.Add($"Retention:Policies:{i}:Name '{policy.Name}' is used twice.");
            }

            if (!policy.HasRule)
            {
                failures.Add($"Retention:Policies:{i} sets no rule, so it would delete nothing.");
            }

            if (policy.KeepLastTags < 0)
            {
                failures.Add($"Retention:Policies:{i}:KeepLastTags must not be negative.");
            }

            if (policy.ExpireTagsOlderThan < TimeSpan.Zero || policy.ExpireUntaggedAfter < TimeSpan.Zero)
            {
                failures.Add($"Retention:Policies:{i}: ages must not be negative.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
