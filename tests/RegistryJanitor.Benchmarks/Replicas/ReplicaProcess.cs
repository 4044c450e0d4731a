using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RegistryJanitor.Benchmarks.Replicas;

/// <summary>
/// One <c>run</c> process of the product (<c>dotnet RegistryJanitor.dll run</c> from this benchmark's output folder),
/// configured through environment variables, with its output kept for the error message when it fails.
/// </summary>
internal sealed class ReplicaProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ReplicaProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    /// <summary>The service's own HTTP address (health endpoints).</summary>
    public Uri Url { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr).</summary>
    public string Tail
    {
        get
        {
            lock (output)
            {
                var text = output.ToString();
                return text.Length <= 4000 ? text : text[^4000..];
            }
        }
    }

    public static ReplicaProcess Start(int port, IReadOnlyDictionary<string, string> settings)
    {
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RegistryJanitor.dll"));
        startInfo.ArgumentList.Add("run");

        // Only what the benchmark sets: product settings of the caller's environment would change the run.
        foreach (var key in startInfo.Environment.Keys.Where(IsProductSetting).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key] = value;
        }

        startInfo.Environment["Service__Urls"] = url.AbsoluteUri.TrimEnd('/');
        var process = new Process { StartInfo = startInfo };
        var replica = new ReplicaProcess(process, url);
        process.OutputDataReceived += (_, line) => replica.Append(line.Data);
        process.ErrorDataReceived += (_, line) => replica.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
    }

    /// <summary>SIGTERM, as a container runtime stops a container; waits for the exit, then kills.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static bool IsProductSetting(string key) =>
        key.Contains("__", StringComparison.Ordinal)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase);

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
