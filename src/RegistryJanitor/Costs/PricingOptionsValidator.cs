using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Costs;

/// <summary>Runs the cross-field rules of <see cref="PricingOptions.Validate"/> at start.</summary>
internal sealed class PricingOptionsValidator : IValidateOptions<PricingOptions>
{
    public ValidateOptionsResult Validate(string? name, PricingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
