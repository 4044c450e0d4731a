using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// With <c>ROLLUP_PROFILE=1</c>: times each working-table, per-tag and family statement of the computation on its
/// own (wall clock and, when the server is local, its backend's CPU time), then rolls back.
/// </summary>
internal static class RollupProfiler
{
    public static async Task ProfileAsync(
        NpgsqlDataSource dataSource, int registryId, TextWriter output, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cpu = ServerCpuClock.For(connection);
        string[] setup = [DailyCostSql.SessionSettings, DailyCostSql.CreatePresence];
        foreach (var sql in setup)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var fillSql = DailyCostSql.FillPresence
            .Replace("@scopeByRepository", "FALSE", StringComparison.Ordinal)
            .Replace("@registryId", registryId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using (var fill = new NpgsqlCommand(fillSql, connection, transaction))
        {
            var watch = Stopwatch.StartNew();
            await fill.ExecuteNonQueryAsync(cancellationToken);
            output.WriteLine($"{watch.Elapsed.TotalSeconds,8:F2} s  fill presence");
        }

        // The per-tag and family statements read the working tables; their parameters become literals here.
        var sharing = (DailySharingSql.ReplaceTagSnapshots + ";\n" + DailySharingSql.ReplaceBaseFamilies)
            .Replace("@day", "DATE '2026-02-10'", StringComparison.Ordinal)
            .Replace("@registryId", registryId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var statements = (DailyCostSql.IndexPresence + ";\n" + DailyCostSql.CreatePresenceBlob(false) + ";\n"
                + DailyCostSql.BuildWorkingTables + ";\n" + sharing)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction) { CommandTimeout = 600 };
            var cpuBefore = cpu?.Read();
            var watch = Stopwatch.StartNew();
            await command.ExecuteNonQueryAsync(cancellationToken);
            var cpuSeconds = (cpu?.Read() - cpuBefore)?.TotalSeconds;
            var first = statement.Split('\n')
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
            if (first is null)
            {
                continue;
            }

            output.WriteLine($"{watch.Elapsed.TotalSeconds,8:F2} s  {cpuSeconds,6:F2} s CPU  " +
                             $"{first[..Math.Min(70, first.Length)]}");
        }

        await transaction.RollbackAsync(cancellationToken);
    }
}
