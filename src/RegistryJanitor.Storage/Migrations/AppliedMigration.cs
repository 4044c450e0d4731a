namespace RegistryJanitor.Storage.Migrations;

/// <summary>A row of <c>schema_history</c>: a migration the database has recorded as applied.</summary>
internal sealed record AppliedMigration(int Version, string FileName, string Checksum);
