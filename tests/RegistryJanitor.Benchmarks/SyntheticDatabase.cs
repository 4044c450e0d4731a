using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Benchmarks;

/// <summary>Prepares a throwaway benchmark database: the project's migrations, then the synthetic inventory.</summary>
internal static class SyntheticDatabase
{
    /// <summary>Migrates the database and bulk-loads <paramref name="inventory"/>; returns its registry id.</summary>
    public static async Task<(int RegistryId, TimeSpan Load)> MigrateAndLoadAsync(
        NpgsqlDataSource dataSource, SyntheticInventory inventory, CancellationToken cancellationToken)
    {
        var migrations = new MigrationRunner(
            dataSource,
            Microsoft.Extensions.Options.Options.Create(
                new MigrationOptions { Path = RollupBenchmark.MigrationsDirectory() }),
            NullLogger<MigrationRunner>.Instance);
        await migrations.MigrateAsync(cancellationToken);

        var load = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var registryId = await inventory.LoadAsync(connection, cancellationToken);
        return (registryId, load.Elapsed);
    }
}
