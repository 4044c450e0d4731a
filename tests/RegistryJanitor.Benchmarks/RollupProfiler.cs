using System.Diagnostics;
using Npgsql;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Benchmarks;

/// <summary>With <c>ROLLUP_PROFILE=1</c>: times each working-table statement of the computation on its own.</summary>
internal static class RollupProfiler
{
    public static async Task ProfileAsync(
        NpgsqlDataSource dataSource, int registryId, TextWriter output, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string[] setup = [DailyCostSql.SessionSettings, DailyCostSql.CreatePresence];
        foreach (var sql in setup)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var fillSql = DailyCostSql.FillPresence
            .Replace("@scopeByRepository", "FALSE", StringComparison.Ordinal)
            .Replace("@registryId", registryId.ToString(), StringComparison.Ordinal);
        await using (var fill = new NpgsqlCommand(fillSql, connection, transaction))
        {
            var watch = Stopwatch.StartNew();
            await fill.ExecuteNonQueryAsync(cancellationToken);
            output.WriteLine($"{watch.Elapsed.TotalSeconds,8:F2} s  fill presence");
        }

        var statements = DailyCostSql.BuildWorkingTables.Split(";\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction) { CommandTimeout = 600 };
            var watch = Stopwatch.StartNew();
            await command.ExecuteNonQueryAsync(cancellationToken);
            var last = statement.Trim().Split('\n')[^1].Trim();
            output.WriteLine($"{watch.Elapsed.TotalSeconds,8:F2} s  {last[..Math.Min(60, last.Length)]}");
        }

        await transaction.RollbackAsync(cancellationToken);
    }
}
