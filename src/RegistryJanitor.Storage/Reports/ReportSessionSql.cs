using Dapper;
using Npgsql;

namespace RegistryJanitor.Storage.Reports;

/// <summary>Session settings of the report loaders' transactions.</summary>
internal static class ReportSessionSql
{
    /// <summary>
    /// The report statements are long expression lists over a few hundred thousand rows, where PostgreSQL's
    /// planner estimates enough work to compile them with LLVM: on the report benchmark's data the compilation
    /// alone took about 1 s of the Findings statement's 2.4 s and 0.2-0.4 s of each cost statement, more than it
    /// saved. SET LOCAL ends with the transaction.
    /// </summary>
    private const string NoJit = """
        SET LOCAL jit = off
        """;

    /// <summary>Applies the settings to <paramref name="transaction"/>; they end with it.</summary>
    public static Task ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            NoJit, transaction: transaction, cancellationToken: cancellationToken));
}
