using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// Feeds the registry settings of docker-compose.yml to a real distribution registry and checks that a push
/// reaches the service's events endpoint with the bearer token.
/// </summary>
public sealed partial class ComposeRegistryNotificationTests
{
    private const string ComposeServiceUrl = "http://registryjanitor:8080";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Push_ComposeRegistrySettings_NotifiesEventsEndpointWithBearerToken()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var received = new ConcurrentQueue<(string Path, string? Authorization, string Body)>();
        await using var listener = await StartListenerAsync(received, cancellationToken);
        var environment = RegistryEnvironment(token, listener.Urls.Single());
        var storage = Directory.CreateTempSubdirectory("rj-compose-registry-");
        var registryUrl = $"http://127.0.0.1:{FreePort()}";
        using var registry = StartRegistry(registryUrl, storage.FullName, environment);
        using var http = new HttpClient { BaseAddress = new Uri(registryUrl) };

        try
        {
            await WaitUntilAsync(async () => await RespondsAsync(http, cancellationToken), "registry start",
                cancellationToken);
            await PushEmptyImageAsync(http, "demo/app", "v1", cancellationToken);
            await WaitUntilAsync(() => Task.FromResult(received.Any(request => request.Body.Contains("\"push\"",
                StringComparison.Ordinal) && request.Body.Contains("\"v1\"", StringComparison.Ordinal))),
                "push notification", cancellationToken);
        }
        finally
        {
            registry.Kill(entireProcessTree: true);
            storage.Delete(recursive: true);
        }

        var push = received.First(request => request.Body.Contains("\"v1\"", StringComparison.Ordinal));
        var target = JsonDocument.Parse(push.Body).RootElement.GetProperty("events").EnumerateArray()
            .Select(item => item.GetProperty("target"))
            .First(item => item.TryGetProperty("tag", out var tag) && tag.GetString() == "v1");
        Assert.Equal("/events/registry", push.Path);
        Assert.Equal($"Bearer {token}", push.Authorization);
        Assert.Equal("demo/app", target.GetProperty("repository").GetString());
        Assert.All(received, request => Assert.Equal($"Bearer {token}", request.Authorization));
    }

    /// <summary>The registry's environment from docker-compose.yml, interpolated as Compose would do it.</summary>
    private static Dictionary<string, string> RegistryEnvironment(string token, string listenerUrl)
    {
        var compose = YamlDocuments.Load(RepositoryFiles.ReadAllText("docker-compose.yml"));
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [compose.At("secrets.events_token.environment").Text()] = token,
        };
        var environment = compose.At("services.registry.environment").Entries()
            .ToDictionary(pair => pair.Key, pair => Interpolate(pair.Value.Text(), variables), StringComparer.Ordinal);
        var endpoints = environment["REGISTRY_NOTIFICATIONS_ENDPOINTS"];

        Assert.Contains(ComposeServiceUrl, endpoints, StringComparison.Ordinal);
        environment["REGISTRY_NOTIFICATIONS_ENDPOINTS"] =
            endpoints.Replace(ComposeServiceUrl, listenerUrl.TrimEnd('/'), StringComparison.Ordinal);
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

    private static async Task<WebApplication> StartListenerAsync(
        ConcurrentQueue<(string Path, string? Authorization, string Body)> received,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            received.Enqueue((context.Request.Path.Value ?? string.Empty,
                context.Request.Headers.Authorization.FirstOrDefault(), body));
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await app.StartAsync(cancellationToken);
        return app;
    }

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
