using Microsoft.Extensions.Options;
using Quartz;

namespace RegistryJanitor.Options;

/// <summary>Checks the cron expressions of the <c>Scheduler</c> section, which attributes cannot parse.</summary>
internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var schedule = options.JobHistoryCleanupSchedule;
        return string.IsNullOrEmpty(schedule) || CronSchedules.IsValid(schedule)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SchedulerOptions.SectionName}:{nameof(SchedulerOptions.JobHistoryCleanupSchedule)}: " +
                $"'{schedule}' is not a valid Quartz cron expression");
    }
}
