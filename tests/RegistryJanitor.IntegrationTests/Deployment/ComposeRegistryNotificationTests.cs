using Dapper;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RegistryJanitor.IntegrationTests.Costs;
using RegistryJanitor.IntegrationTests.Support.Database;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// Feeds the registry settings of docker-compose.yml to a real distribution registry and the service's receiver
/// settings to the real events receiver, and checks that a push reaches the receiver and is recorded for the
/// change feed under the registry's configured name.
/// </summary>
public sealed partial class ComposeRegistryNotificationTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const string ComposeServiceUrl = "http://registryjanitor:8080";
    private const string SecretsFolder = "/run/secrets/";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private const string ChangesSql = """
        SELECT repository FROM repository_change_events WHERE registry = @registry
        """;

    [Fact]
    public async Task Push_ComposeRegistryAndServiceSettings_ReachTheReceiverAndMarkTheRepositoryChanged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var compose = YamlDocuments.Load(RepositoryFiles.ReadAllText("docker-compose.yml"));
        var authorization = "Bearer " + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var storage = Directory.CreateTempSubdirectory("rj-compose-registry-");
        var serviceEnvironment = compose.At("services.registryjanitor.environment");
        var registryName = serviceEnvironment["Registries__0__Name"].Text();
        var receiverSettings = ReceiverSettings(compose, authorization, storage.FullName);
        await using var receiver = await EventsReceiverHost.StartAsync(
            database.DataSource, cancellationToken, receiverSettings);
        var environment = RegistryEnvironment(compose, authorization, receiver.BaseAddress);
        var registryUrl = $"http://127.0.0.1:{FreePort()}";
        using var registry = StartRegistry(registryUrl, storage.FullName, environment);
        using var http = new HttpClient { BaseAddress = new Uri(registryUrl) };
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);

        try
        {
            await WaitUntilAsync(async () => await RespondsAsync(http, cancellationToken), "registry start",
                cancellationToken);
            await PushEmptyImageAsync(http, "demo/app", "v1", cancellationToken);
            await WaitUntilAsync(
                async () => (await connection.QueryAsync<string>(new CommandDefinition(
                    ChangesSql, new { registry = registryName }, cancellationToken: cancellationToken)))
                    .Contains("demo/app"),
                "push notification recorded by the receiver",
                cancellationToken);
        }
        finally
        {
            registry.Kill(entireProcessTree: true);
            storage.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The service's RegistryEvents settings from docker-compose.yml, with each secret file under /run/secrets
    /// written where the test can hold it, holding what Compose would mount: the secret's environment variable.
    /// </summary>
    private static Dictionary<string, string?> ReceiverSettings(
        YamlNode compose, string authorization, string folder)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in compose.At("services.registryjanitor.environment").Entries())
        {
            if (!key.StartsWith("RegistryEvents__", StringComparison.Ordinal))
            {
                continue;
            }

            var text = value.Text();
            if (text.StartsWith(SecretsFolder, StringComparison.Ordinal))
            {
                var secret = text[SecretsFolder.Length..];
                Assert.Equal("REGISTRYJANITOR_EVENTS_AUTHORIZATION",
                    compose.At($"secrets.{secret}.environment").Text());
                text = Path.Combine(folder, secret);
                File.WriteAllText(text, authorization);
            }

            settings[key.Replace("__", ":", StringComparison.Ordinal)] = text;
        }

        return settings;
    }

    /// <summary>The registry's environment from docker-compose.yml, interpolated as Compose would do it.</summary>
    private static Dictionary<string, string> RegistryEnvironment(
        YamlNode compose, string authorization, Uri receiver)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [compose.At("secrets.events_authorization.environment").Text()] = authorization,
        };
        var environment = compose.At("services.registry.environment").Entries()
            .ToDictionary(pair => pair.Key, pair => Interpolate(pair.Value.Text(), variables), StringComparer.Ordinal);
        var endpoints = environment["REGISTRY_NOTIFICATIONS_ENDPOINTS"];

        Assert.Contains(ComposeServiceUrl, endpoints, StringComparison.Ordinal);
        environment["REGISTRY_NOTIFICATIONS_ENDPOINTS"] =
            endpoints.Replace(ComposeServiceUrl, receiver.ToString().TrimEnd('/'), StringComparison.Ordinal);
        return environment;
    }

    private static string Interpolate(string value, Dictionary<string, string> variables) =>
        ComposeVariable().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            Assert.True(variables.ContainsKey(name),
                $"docker-compose.yml uses ${{{name}}}, which the test does not set");
            return variables[name];
        });

    private static Process StartRegistry(string url, string storage, Dictionary<string, string> environment)
    {
        var binary = Environment.GetEnvironmentVariable("REGISTRYJANITOR_TEST_REGISTRY_BINARY") is { Length: > 0 } set
            ? set
            : "docker-registry";
        var config = Path.Combine(storage, "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            storage:
              filesystem:
                rootdirectory: {Path.Combine(storage, "data")}
            http:
              addr: {new Uri(url).Authority}
            """);
        var startInfo = new ProcessStartInfo(binary, ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        try
        {
            var process = Process.Start(startInfo)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Cannot start the distribution registry '{binary}': install the Debian package docker-registry " +
                "or set REGISTRYJANITOR_TEST_REGISTRY_BINARY (deploy/test.sh does both).", exception);
        }
    }

    private static async Task PushEmptyImageAsync(HttpClient http, string repository, string tag,
        CancellationToken cancellationToken)
    {
        var config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"u8
            .ToArray();
        var configDigest = $"sha256:{Convert.ToHexStringLower(SHA256.HashData(config))}";

        using var start = await http.PostAsync(new Uri($"/v2/{repository}/blobs/uploads/", UriKind.Relative), null,
            cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        var separator = location.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var blob = new ByteArrayContent(config);
        using var upload = await http.PutAsync(new Uri($"{location}{separator}digest={configDigest}",
            UriKind.RelativeOrAbsolute), blob, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{configDigest}}",
             "size":{{config.Length}}},"layers":[]}
            """;
        using var content = new StringContent(manifest, Encoding.UTF8);
        content.Headers.ContentType = new("application/vnd.oci.image.manifest.v1+json");
        using var put = await http.PutAsync(new Uri($"/v2/{repository}/manifests/{tag}", UriKind.Relative), content,
            cancellationToken);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    private static async Task<bool> RespondsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/v2/", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(stopwatch.Elapsed < Deadline, $"no {what} within {Deadline.TotalSeconds} s");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:?[?-][^}]*)?\}")]
    private static partial Regex ComposeVariable();
}
