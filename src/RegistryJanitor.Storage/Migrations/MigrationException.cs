namespace RegistryJanitor.Storage.Migrations;

/// <summary>
/// The schema cannot be brought up to date: a missing or malformed migrations folder, an applied migration whose
/// file changed, or a script that failed. The message is written for an operator and names the file at fault.
/// </summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
