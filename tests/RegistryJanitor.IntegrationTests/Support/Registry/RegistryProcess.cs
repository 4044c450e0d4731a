using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// A private distribution registry for one test: its own process on a free 127.0.0.1 port, its own temporary
/// folder (configuration, storage, htpasswd). Started with <see cref="StartAsync"/>, ready when
/// <c>/v2/</c> answers, killed on dispose, and killed too when the test host exits without disposing it.
/// </summary>
public sealed class RegistryProcess : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static int exitHookInstalled;

    private readonly Process process;
    private readonly StringBuilder log;

    private RegistryProcess(Process process, StringBuilder log, string directory, int port, string binary)
    {
        this.process = process;
        this.log = log;
        Directory = directory;
        Port = port;
        Binary = binary;
    }

    /// <summary>The temporary folder holding everything of this registry.</summary>
    public string Directory { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The registry binary.</summary>
    public string Binary { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The YAML configuration file (for <c>garbage-collect</c>).</summary>
    public string ConfigPath => Path.Combine(Directory, "config.yml");

    /// <summary>The filesystem storage root.</summary>
    public string StorageRoot => Path.Combine(Directory, "storage");

    /// <summary>What the registry wrote to stdout and stderr so far (for assertion messages).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts a registry and waits until <c>/v2/</c> answers (any status: 200, or 401 with auth).</summary>
    public static async Task<RegistryProcess> StartAsync(
        RegistryProcessOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RegistryProcessOptions();
        var binary = TestRegistryEnvironment.RegistryBinary();
        InstallExitHook();

        // A free port can be taken between probing and binding; another port is tried then.
        for (var attempt = 1; ; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("registryjanitor-registry-").FullName;
            var registry = Launch(binary, directory, options);
            try
            {
                await registry.WaitUntilReadyAsync(cancellationToken);
                return registry;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && registry.process.HasExited)
            {
                await registry.DisposeAsync();
            }
            catch
            {
                await registry.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A client for this registry, answering auth challenges with the credentials.</summary>
    public RegistryApiClient CreateClient(RegistryCredentials? credentials = null)
    {
        return RegistryApiClient.Create(BaseAddress, credentials);
    }

    /// <summary>Bytes of all blob data files (see <see cref="RegistryStorage.SumBlobDataBytes"/>).</summary>
    public long SumBlobDataBytes()
    {
        return RegistryStorage.SumBlobDataBytes(StorageRoot);
    }

    /// <summary>Runs this registry's garbage collector on its configuration.</summary>
    public Task<GarbageCollectResult> GarbageCollectAsync(
        bool deleteUntagged = true,
        bool dryRun = false,
        CancellationToken cancellationToken = default)
    {
        return RegistryStorage.GarbageCollectAsync(Binary, ConfigPath, deleteUntagged, dryRun, cancellationToken);
    }

    /// <summary>Kills the process and removes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(process.Id, out _);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // The process ended between the check and the kill.
        }

        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the next test uses a new one.
        }
    }

    private static RegistryProcess Launch(string binary, string directory, RegistryProcessOptions options)
    {
        var port = FreePort.Next();
        var storage = Path.Combine(directory, "storage");
        System.IO.Directory.CreateDirectory(storage);
        string? htpasswd = null;
        if (options.HtpasswdUsers is { } users)
        {
            htpasswd = Path.Combine(directory, "htpasswd");
            File.WriteAllText(htpasswd, Htpasswd.Write(users));
        }

        File.WriteAllText(
            Path.Combine(directory, "config.yml"),
            RegistryConfigWriter.Write(options, port, storage, htpasswd));

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(Path.Combine(directory, "config.yml"));
        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[process.Id] = process;
        return new RegistryProcess(process, log, directory, port, binary);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The registry exited with {process.ExitCode}: {Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "v2/"), cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }

        throw new TimeoutException($"The registry did not answer on {BaseAddress} within 30 s: {Log}");
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            // Keep the log bounded: a chatty registry in a long test must not grow memory without limit.
            if (log.Length < 1_000_000)
            {
                log.AppendLine(line);
            }
        }
    }

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref exitHookInstalled, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var running in Running.Values)
            {
                try
                {
                    running.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        };
    }
}
