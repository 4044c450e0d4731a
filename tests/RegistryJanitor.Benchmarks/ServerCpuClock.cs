using System.Globalization;
using Npgsql;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// CPU time of the PostgreSQL backend serving the benchmark's single pooled connection, read from
/// <c>/proc/PID/stat</c> when the server runs on this machine. Unlike wall-clock time it hardly depends on how
/// many other processes compete for the cores.
/// </summary>
/// <remarks>
/// Linux reports the times in clock ticks of 1/100 s (USER_HZ on every mainstream architecture), so the
/// resolution is 10 ms. When the server is remote or /proc is absent the clock reports nothing.
/// </remarks>
internal sealed class ServerCpuClock
{
    private const double TicksPerSecond = 100;

    private readonly string statPath;

    private ServerCpuClock(int pid)
    {
        statPath = $"/proc/{pid}/stat";
    }

    /// <summary>The clock of the backend behind <paramref name="dataSource"/> (a pool of one connection).</summary>
    public static async Task<ServerCpuClock?> ForAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return For(connection);
    }

    /// <summary>The clock of the backend serving <paramref name="connection"/>.</summary>
    public static ServerCpuClock? For(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var clock = new ServerCpuClock(connection.ProcessID);
        return clock.Read() is null ? null : clock;
    }

    /// <summary>User plus system CPU time of the backend so far, or null when it cannot be read.</summary>
    public TimeSpan? Read()
    {
        if (!File.Exists(statPath))
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
