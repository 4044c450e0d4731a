namespace RegistryJanitor.Commands;

/// <summary>The exit codes every command uses.</summary>
public static class ExitCodes
{
    /// <summary>Done as asked.</summary>
    public const int Success = 0;

    /// <summary>The work failed (database, registry, a refused migration, not ready).</summary>
    public const int Failure = 1;

    /// <summary>Invalid configuration or command line: nothing was attempted.</summary>
    public const int ConfigurationError = 2;
}
