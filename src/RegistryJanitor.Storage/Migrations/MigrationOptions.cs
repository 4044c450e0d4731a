namespace RegistryJanitor.Storage.Migrations;

/// <summary>Where the numbered SQL files are and how they are applied: the <c>Migrations</c> section.</summary>
public sealed class MigrationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Migrations";

    /// <summary>
    /// Folder holding the <c>VNNN__name.sql</c> files. Default: empty, meaning the <c>migrations</c> folder beside
    /// the executable (the build copies it there). A relative path is taken from the working directory.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Whether <c>run</c> applies pending migrations before the scheduler starts. Default <c>true</c>.
    /// </summary>
    public bool ApplyOnStart { get; set; } = true;

    /// <summary>Longest time one migration script may run. Default 10 minutes.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
