using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RegistryJanitor.Reports.Retention;

namespace RegistryJanitor.Reports;

/// <summary>
/// Registers the report workbook writer, its options (<c>Reports</c>) and the retention policies to simulate
/// (<c>Retention</c>), both validated at start.
/// </summary>
public static class ReportServiceCollectionExtensions
{
    public static IServiceCollection AddRegistryJanitorReports(this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReportOptions>()
            .Bind(configuration.GetSection(ReportOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton<ReportWorkbookWriter>();
        return services;
    }
}
