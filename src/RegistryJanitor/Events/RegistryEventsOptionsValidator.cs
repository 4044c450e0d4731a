using Microsoft.Extensions.Options;

namespace RegistryJanitor.Events;

/// <summary>An enabled receiver needs a token: without one it would accept anybody's counts.</summary>
internal sealed class RegistryEventsOptionsValidator : IValidateOptions<RegistryEventsOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryEventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var hasValue = !string.IsNullOrWhiteSpace(options.Authorization);
        var hasFile = !string.IsNullOrWhiteSpace(options.AuthorizationFile);
        if (hasValue == hasFile)
        {
            failures.Add(
                "RegistryEvents: set exactly one of Authorization and AuthorizationFile when Enabled is true.");
        }

        if (hasFile && !File.Exists(options.AuthorizationFile))
        {
            failures.Add("RegistryEvents:AuthorizationFile: the file does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
