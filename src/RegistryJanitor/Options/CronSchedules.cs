using Quartz;

namespace RegistryJanitor.Options;

/// <summary>
/// Checks Quartz cron expressions (six or seven fields, seconds first) the way the scheduler parses them.
/// </summary>
public static class CronSchedules
{
    /// <summary>True when Quartz accepts <paramref name="expression"/> as a cron schedule.</summary>
    public static bool IsValid(string? expression) =>
        !string.IsNullOrWhiteSpace(expression) && CronExpression.TryParse(expression, out _);
}
