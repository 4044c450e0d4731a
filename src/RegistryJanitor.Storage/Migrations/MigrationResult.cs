namespace RegistryJanitor.Storage.Migrations;

/// <summary>What one <see cref="MigrationRunner.MigrateAsync"/> call did.</summary>
/// <param name="Applied">Migrations this call applied, in order; empty when the schema was already current.</param>
/// <param name="AlreadyApplied">How many migrations from the folder had been applied before this call.</param>
public sealed record MigrationResult(IReadOnlyList<MigrationScript> Applied, int AlreadyApplied);
