using Microsoft.Extensions.Options;
using Quartz;

namespace RegistryJanitor.Options;

/// <summary>
/// Rules over the <c>Registries</c> list that single-property attributes cannot say: unique names, absolute
/// http(s) URLs, valid Quartz cron schedules and a positive full-scan interval. Missing values are left to the
/// DataAnnotations validator.
/// </summary>
internal sealed class RegistriesOptionsValidator : IValidateOptions<RegistriesOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var firstIndexByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        for (var index = 0; index < options.Registries.Count; index++)
        {
            var registry = options.Registries[index];
            var path = $"{RegistriesOptions.SectionName}:{index}";

            if (!string.IsNullOrEmpty(registry.Name) && !firstIndexByName.TryAdd(registry.Name, index))
            {
                failures.Add($"{path}:Name: '{registry.Name}' is already the name of " +
                             $"{RegistriesOptions.SectionName}:{firstIndexByName[registry.Name]}");
            }

            if (registry.Url is not null
                && (!registry.Url.IsAbsoluteUri || registry.Url.Scheme is not ("http" or "https")))
            {
                failures.Add($"{path}:Url: must be an absolute http or https URL");
            }

            if (!string.IsNullOrEmpty(registry.Schedule) && !CronSchedules.IsValid(registry.Schedule))
            {
                failures.Add($"{path}:Schedule: '{registry.Schedule}' is not a valid Quartz cron expression");
            }

            if (registry.FullScanInterval <= TimeSpan.Zero)
            {
                failures.Add($"{path}:FullScanInterval: must be a positive time span such as 1.00:00:00");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
