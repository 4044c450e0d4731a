using System.Diagnostics;
using System.Globalization;
using System.Text;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;

namespace RegistryJanitor.IntegrationTests.Support.Host;

/// <summary>
/// The built executable (<c>dotnet RegistryJanitor.dll COMMAND</c>) as a real OS process, with configuration given
/// through environment variables (<c>ConnectionStrings__Postgres</c>, <c>Service__Urls</c>, …).
/// </summary>
/// <remarks>
/// Product settings inherited from the test runner's environment are removed first, so a process sees only what
/// the test gives it plus the <c>appsettings.json</c> beside the binary. The working directory is an empty folder
/// unless one is given. Disposing kills a process that is still running.
/// </remarks>
/// <example>
/// <code>
/// var result = await ProductProcess.RunAsync(
///     ["migrate"], new Dictionary&lt;string, string?&gt; { ["ConnectionStrings__Postgres"] = database.ConnectionString
/// },
///     cancellationToken);
/// Assert.Equal(0, result.ExitCode);
/// </code>
/// </example>
public sealed class ProductProcess : IAsyncDisposable
{
    private static readonly string[] InheritedSettingPrefixes =
    [
        "ConnectionStrings__", "Registries__", "Service__", "Scheduler__", "Migrations__", "Logging__",
        "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    private static readonly Lazy<string> EmptyWorkingDirectory =
        new(() => Directory.CreateTempSubdirectory("registryjanitor-cwd-").FullName);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ProductProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The OS process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote to stdout so far.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the process wrote to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts the executable with <paramref name="arguments"/> and the given environment overrides.</summary>
    public static ProductProcess Start(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? EmptyWorkingDirectory.Value,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(RepositoryPaths.ExecutableAssembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var key in startInfo.Environment.Keys.Where(IsInheritedSetting).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var product = new ProductProcess(process);
        process.OutputDataReceived += (_, line) => Append(product._output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(product._error, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return product;
    }

    /// <summary>Runs the executable to its end and returns exit code and output.</summary>
    public static async Task<ProductProcessResult> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        await using var process = Start(arguments, environment);
        var exitCode = await process.WaitForExitAsync(cancellationToken);
        return new ProductProcessResult(exitCode, process.StandardOutput, process.StandardError);
    }

    /// <summary>Waits for the process to end (and its output to be read); returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as a container runtime does to stop a container.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Ends the process with SIGKILL, as a crash or an OOM kill does: no shutdown code runs.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static bool IsInheritedSetting(string key) =>
        InheritedSettingPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : "dotnet";

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }
}
