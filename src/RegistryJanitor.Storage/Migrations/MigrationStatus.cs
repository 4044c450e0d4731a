namespace RegistryJanitor.Storage.Migrations;

/// <summary>How the database compares with the migrations folder.</summary>
/// <param name="Pending">Files not yet applied, in the order they would apply.</param>
/// <param name="Changed">Applied files whose content no longer matches the recorded checksum.</param>
public sealed record MigrationStatus(IReadOnlyList<MigrationScript> Pending, IReadOnlyList<MigrationScript> Changed)
{
    /// <summary>True when every file is applied unchanged: the schema is what this build expects.</summary>
    public bool IsCurrent => Pending.Count == 0 && Changed.Count == 0;
}
