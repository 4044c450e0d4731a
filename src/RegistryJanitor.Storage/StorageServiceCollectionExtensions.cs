using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Storage;

/// <summary>Registers the PostgreSQL data source and the migrations runner.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds a singleton <see cref="NpgsqlDataSource"/> built from <c>ConnectionStrings:Postgres</c>, the
    /// <see cref="MigrationRunner"/>, and their options (validated at start).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PostgresOptions>()
            .Bind(configuration.GetSection(PostgresOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgresOptions>, PostgresOptionsValidator>());
        services.AddOptions<MigrationOptions>()
            .Bind(configuration.GetSection(MigrationOptions.SectionName))
            .ValidateOnStart();

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PostgresOptions>>().Value;
            var builder = new NpgsqlConnectionStringBuilder(options.Postgres);
            if (string.IsNullOrEmpty(builder.ApplicationName))
            {
                builder.ApplicationName = "RegistryJanitor";
            }

            // A fixed name labels the pool in Npgsql's metrics instead of the connection string.
            var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString) { Name = "registryjanitor" };
            return dataSource.Build();
        });
        services.TryAddSingleton<DbDataSource>(provider => provider.GetRequiredService<NpgsqlDataSource>());
        services.TryAddSingleton<MigrationRunner>();
        return services;
    }
}
