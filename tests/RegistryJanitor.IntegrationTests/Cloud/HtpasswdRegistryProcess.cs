using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A private distribution registry (<c>docker-registry</c>) on a free 127.0.0.1 port with htpasswd Basic auth for
/// one user, the way ECR's registry accepts <c>AWS:&lt;password&gt;</c>. Killed (by its own process id) on dispose.
/// </summary>
/// <remarks>
/// distribution reads only bcrypt htpasswd entries, and no bcrypt library is referenced by the tests, so the entry
/// is a fixed fixture: the bcrypt (cost 4) hash of <see cref="Password"/>.
/// </remarks>
public sealed class HtpasswdRegistryProcess : IAsyncDisposable
{
    public const string UserName = "AWS";
    public const string Password = "ecr-test-password-5b8d";
    private const string PasswordHash = "$2b$04$XCmBlvSJYJxGynP.OgzY8OOqOCiB978tuyoEW/5yBwyk6PWwy1DrG";

    private readonly Process process;
    private readonly TemporaryDirectory directory;

    private HtpasswdRegistryProcess(Process process, TemporaryDirectory directory, Uri baseUri)
    {
        this.process = process;
        this.directory = directory;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static RegistryCredentials Credentials => new(UserName, Password);

    public static async Task<HtpasswdRegistryProcess> StartAsync(CancellationToken cancellationToken)
    {
        var directory = new TemporaryDirectory();
        var port = FreePort();
        var htpasswd = Path.Combine(directory.Path, "htpasswd");
        await File.WriteAllTextAsync(htpasswd, $"{UserName}:{PasswordHash}\n", cancellationToken);
        var config = Path.Combine(directory.Path, "config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: error
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory.Path, "data")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{port}
            auth:
              htpasswd:
                realm: ecr-test
                path: {htpasswd}
            """, cancellationToken);

        var start = new ProcessStartInfo(TestRegistryEnvironment.RegistryBinary(), ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new HtpasswdRegistryProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        await registry.WaitUntilListeningAsync(cancellationToken);
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        directory.Dispose();
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "v2/"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with code {process.ExitCode}.");
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException("docker-registry did not answer /v2/ with 401 within 10 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
