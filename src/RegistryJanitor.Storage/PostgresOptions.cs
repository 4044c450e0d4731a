namespace RegistryJanitor.Storage;

/// <summary>The PostgreSQL connection: the <c>ConnectionStrings</c> section.</summary>
public sealed class PostgresOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ConnectionStrings";

    /// <summary>
    /// Npgsql connection string (<c>ConnectionStrings:Postgres</c>, or the content of the file named by
    /// <c>ConnectionStrings:PostgresFile</c>). Required; no default.
    /// </summary>
    public string Postgres { get; set; } = string.Empty;
}
