using Npgsql;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Commands;

/// <summary><c>migrate</c>: applies pending migrations and exits; safe to run from several replicas at once.</summary>
internal sealed class MigrateCommand : ICommand
{
    private readonly MigrationRunner _runner;

    public MigrateCommand(MigrationRunner runner)
    {
        _runner = runner;
    }

    public string Name => "migrate";

    public string Summary => "apply pending database migrations and exit";

    public string Usage => string.Empty;

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.RejectArgumentsAsync(Name))
        {
            return ExitCodes.ConfigurationError;
        }

        try
        {
            var result = await _runner.MigrateAsync(cancellationToken);
            var names = result.Applied.Count == 0
                ? string.Empty
                : " (" + string.Join(", ", result.Applied.Select(script => script.FileName)) + ")";
            await context.Output.WriteLineAsync(
                $"applied {result.Applied.Count} migrations{names}; {result.AlreadyApplied} were already applied");
            return ExitCodes.Success;
        }
        catch (MigrationException exception)
        {
            await context.Error.WriteLineAsync($"migration error: {exception.Message}");
            return ExitCodes.Failure;
        }
        catch (NpgsqlException exception)
        {
            await context.Error.WriteLineAsync($"cannot reach PostgreSQL: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
