namespace RegistryJanitor.Storage.Migrations;

/// <summary>One numbered SQL file from the migrations folder.</summary>
/// <param name="Version">The number after <c>V</c>; migrations apply in ascending order of it.</param>
/// <param name="Description">The snake_case part of the file name after <c>__</c>.</param>
/// <param name="FileName">The file name, e.g. <c>V001__quartz_tables.sql</c>.</param>
/// <param name="Sql">The script text as read from disk.</param>
/// <param name="Checksum">Lowercase hex sha256 of the script with line endings normalised to LF.</param>
public sealed record MigrationScript(int Version, string Description, string FileName, string Sql, string Checksum);
