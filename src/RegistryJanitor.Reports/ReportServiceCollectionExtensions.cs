using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RegistryJanitor.Reports;

/// <summary>Registers the report workbook writer and its options.</summary>
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
        services.AddSingleton<ReportWorkbookWriter>();
        return services;
    }
}
