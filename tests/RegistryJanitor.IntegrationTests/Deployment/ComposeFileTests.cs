using System.Text.RegularExpressions;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

public sealed partial class ComposeFileTests
{
    private const string ServiceName = "registryjanitor";

    private static readonly Lazy<YamlNode> Compose =
        new(() => YamlDocuments.Load(RepositoryFiles.ReadAllText("docker-compose.yml")));

    private static IReadOnlyList<KeyValuePair<string, YamlNode>> Services => Compose.Value["services"].Entries();

    [Fact]
    public void Services_Compose_AllRunHardened()
    {
        var weak = new List<string>();

        foreach (var (name, service) in Services)
        {
            if (service.Find("read_only")?.Boolean() != true)
            {
                weak.Add($"{name}: read_only is not true");
            }

            if (service.Find("security_opt")?.Texts().Contains("no-new-privileges:true") != true)
            {
                weak.Add($"{name}: security_opt lacks no-new-privileges:true");
            }

            if (service.Find("tmpfs")?.Texts().Contains("/tmp") != true)
            {
                weak.Add($"{name}: no tmpfs on /tmp");
            }
        }

        Assert.NotEmpty(Services);
        Assert.True(weak.Count == 0, string.Join(Environment.NewLine, weak));
    }

    [Fact]
    public void Services_Compose_LongRunningOnesHaveHealthChecksAndOneShotsDoNotRestart()
    {
        var problems = new List<string>();

        foreach (var (name, service) in Services)
        {
            var oneShot = service.Find("restart")?.Text() == "no";
            var healthCheck = service.Find("healthcheck");
            var disabled = healthCheck?.Find("disable")?.Boolean() == true;
            if (!oneShot && (healthCheck is null || disabled || healthCheck["test"].Texts().Count < 2))
            {
                problems.Add($"{name}: a long-running service needs a health check test");
            }
        }

        Assert.Equal(["postgres", "registry", "migrate", "seed", ServiceName], Services.Select(pair => pair.Key));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Service_Compose_RunsTwoReplicasAfterTheMigrationWithoutAFixedHostPort()
    {
        var service = Compose.Value["services"][ServiceName];

        var replicas = service.At("deploy.replicas").Integer();
        var migrateCondition = service.At("depends_on.migrate.condition").Text();
        var migrate = Compose.Value["services"]["migrate"];

        Assert.Equal(2, replicas);
        Assert.False(service.Has("ports"), "two replicas cannot both bind one host port");
        Assert.Equal("service_completed_successfully", migrateCondition);
        Assert.Equal(["migrate"], migrate["command"].Texts());
        Assert.Equal(["run"], service["command"].Texts());
        Assert.Equal("/app/RegistryJanitor", service.At("healthcheck.test").Texts()[1]);
    }

    [Fact]
    public void Volumes_Compose_DataAndReportsAreNamedVolumes()
    {
        var declared = Compose.Value["volumes"].Entries().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var mounts = Services
            .SelectMany(pair => pair.Value.Find("volumes")?.Texts().Select(mount => (Service: pair.Key, Mount: mount))
                ?? [])
            .Select(entry => (entry.Service, Source: entry.Mount.Split(':')[0], Target: entry.Mount.Split(':')[1]))
            .ToList();

        var named = mounts.Where(mount => declared.Contains(mount.Source)).ToList();

        Assert.Contains(named, mount => mount is { Service: "postgres", Target: "/var/lib/postgresql/data" });
        Assert.Contains(named, mount => mount is { Service: "registry", Target: "/var/lib/registry" });
        Assert.Contains(named, mount => mount is { Service: ServiceName, Target: "/reports" });
        Assert.All(mounts, mount => Assert.Contains(mount.Source, declared));
    }

    [Fact]
    public void Images_Compose_ThirdPartyImagesArePinnedByDigest()
    {
        var pulled = Services.Where(pair => !pair.Value.Has("build")).ToList();

        Assert.Equal(["postgres", "registry"], pulled.Select(pair => pair.Key));
        Assert.All(pulled, pair => Assert.Matches(PinnedImage(), pair.Value["image"].Text()));
    }

    [Fact]
    public void Registry_Compose_NotifiesTheServiceReceiverOfItsRegistryWithTheServiceSecret()
    {
        var registry = Compose.Value["services"]["registry"];
        var endpoints = YamlDocuments.Load(registry.At("environment.REGISTRY_NOTIFICATIONS_ENDPOINTS").Text()).Items();
        var service = Compose.Value["services"][ServiceName];
        var environment = service["environment"];
        var secretVariable = Compose.Value["secrets"]["events_authorization"]["environment"].Text();
        var receiverPath = new RegistryJanitor.Events.RegistryEventsOptions().Path;

        var endpoint = Assert.Single(endpoints);
        var url = new Uri(endpoint["url"].Text());
        var authorization = endpoint.At("headers.Authorization").Texts();

        Assert.Equal(ServiceName, url.Host);
        Assert.Equal(8080, url.Port);
        Assert.Equal(receiverPath + "/" + environment["Registries__0__Name"].Text(), url.AbsolutePath);
        var header = Assert.Single(authorization);
        Assert.Equal(secretVariable, WholeVariable().Match(header).Groups["name"].Value);
        Assert.Contains("events_authorization", service["secrets"].Texts());
        Assert.Equal("true", environment["RegistryEvents__Enabled"].Text());
        Assert.Equal("/run/secrets/events_authorization", environment["RegistryEvents__AuthorizationFile"].Text());
        Assert.Equal("Notifications", environment["Registries__0__ChangeFeed"].Text());
    }

    [Fact]
    public void StopGracePeriod_Compose_ExceedsTheServiceShutdownGracePeriod()
    {
        var settings = System.Text.Json.JsonDocument.Parse(RepositoryFiles.ReadAllText("appsettings.json"));
        var grace = TimeSpan.Parse(
            settings.RootElement.GetProperty("Service").GetProperty("ShutdownGracePeriod").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

        var stop = Compose.Value["services"][ServiceName]["stop_grace_period"].Text();
        var seconds = int.Parse(stop.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);

        Assert.EndsWith("s", stop, StringComparison.Ordinal);
        Assert.InRange(seconds, grace.TotalSeconds + 1, grace.TotalSeconds + 60);
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._\-/:]*:[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}@sha256:[0-9a-f]{64}$")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"^\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:?[?-][^}]*)?\}$")]
    private static partial Regex WholeVariable();
}
