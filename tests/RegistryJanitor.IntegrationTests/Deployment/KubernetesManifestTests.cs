using System.Globalization;
using System.Text.Json;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>Renders deploy/kubernetes with kubectl kustomize and checks what an operator relies on.</summary>
public sealed class KubernetesManifestTests
{
    private const string BasePath = "deploy/kubernetes";
    private const string SecretsMountPath = "/var/run/secrets/registryjanitor";

    [Fact]
    public async Task Deployment_Rendered_RunsTwoHardenedReplicas()
    {
        var manifests = await RenderAsync();

        var deployment = Single(manifests, "Deployment");
        var pod = deployment.At("spec.template.spec");
        var container = Assert.Single(pod["containers"].Items());
        var security = container["securityContext"];

        Assert.Equal(2, deployment.At("spec.replicas").Integer());
        Assert.True(pod.At("securityContext.runAsNonRoot").Boolean());
        Assert.NotEqual(0, pod.At("securityContext.runAsUser").Integer());
        Assert.Equal("RuntimeDefault", pod.At("securityContext.seccompProfile.type").Text());
        Assert.True(security.Find("runAsNonRoot")?.Boolean() ?? true);
        Assert.True(security["readOnlyRootFilesystem"].Boolean());
        Assert.False(security["allowPrivilegeEscalation"].Boolean());
        Assert.Equal(["ALL"], security.At("capabilities.drop").Texts());
        Assert.False(security.At("capabilities").Has("add"), "no capability may be added back");
        Assert.False(pod.Find("automountServiceAccountToken")?.Boolean() ?? true);
    }

    [Fact]
    public async Task Deployment_Rendered_HasResourcesProbesAndAWritableTmp()
    {
        var manifests = await RenderAsync();

        var pod = Single(manifests, "Deployment").At("spec.template.spec");
        var container = pod["containers"].Items()[0];
        var httpPort = container["ports"].Items().Single(port => port["name"].Text() == "http");
        var tmpMount = container["volumeMounts"].Items().Single(mount => mount["mountPath"].Text() == "/tmp");
        var tmpVolume = Volume(pod, tmpMount["name"].Text());

        Assert.True(container.At("resources.requests").Has("cpu"));
        Assert.True(container.At("resources.requests").Has("memory"));
        Assert.True(container.At("resources.limits").Has("memory"));
        Assert.Equal(8080, httpPort["containerPort"].Integer());
        Assert.Equal("/health/live", container.At("livenessProbe.httpGet.path").Text());
        Assert.Equal("/health/ready", container.At("readinessProbe.httpGet.path").Text());
        Assert.Equal("http", container.At("livenessProbe.httpGet.port").Text());
        Assert.Equal("http", container.At("readinessProbe.httpGet.port").Text());
        Assert.True(tmpVolume.Has("emptyDir"), "/tmp must be an emptyDir on a read-only root filesystem");
    }

    [Fact]
    public async Task Deployment_Rendered_ReadsTheGeneratedConfigAndSecretsAsFiles()
    {
        var manifests = await RenderAsync();

        var deployment = Single(manifests, "Deployment");
        var pod = deployment.At("spec.template.spec");
        var container = pod["containers"].Items()[0];
        var configMap = Single(manifests, "ConfigMap");
        var configMapName = configMap.At("metadata.name").Text();
        var configFileName = configMap["data"].Entries().Single().Key;
        var settings = JsonDocument.Parse(configMap["data"][configFileName].Text()).RootElement;
        var mounts = container["volumeMounts"].Items()
            .ToDictionary(mount => mount["mountPath"].Text(), mount => mount, StringComparer.Ordinal);
        var configMount = mounts.Values.Single(mount => Volume(pod, mount["name"].Text()).Has("configMap"));
        var secretMount = mounts[SecretsMountPath];
        var secretFiles = Volume(pod, secretMount["name"].Text()).At("projected.sources").Items()
            .SelectMany(source => source.At("secret.items").Items())
            .Select(item => $"{SecretsMountPath}/{item["path"].Text()}")
            .ToList();
        var fileSettings = FileSettings(settings).ToList();

        Assert.StartsWith("registryjanitor-config-", configMapName, StringComparison.Ordinal);
        Assert.Equal(configMapName, Volume(pod, configMount["name"].Text()).At("configMap.name").Text());
        Assert.Equal(["run", "--config", $"{configMount["mountPath"].Text()}/{configFileName}"],
            container["args"].Texts());
        Assert.True(configMount["readOnly"].Boolean());
        Assert.True(secretMount["readOnly"].Boolean());
        Assert.Contains(fileSettings, setting => setting.Key == "ConnectionStrings:PostgresFile");
        Assert.Contains(fileSettings, setting => setting.Key == "Registries:0:PasswordFile");
        Assert.All(fileSettings, setting => Assert.Contains(setting.Value, secretFiles));
    }

    [Fact]
    public async Task Deployment_Rendered_GivesTheServiceItsShutdownGracePeriod()
    {
        var manifests = await RenderAsync();

        var configMap = Single(manifests, "ConfigMap");
        var settings = JsonDocument.Parse(configMap["data"].Entries().Single().Value.Text()).RootElement;
        var grace = TimeSpan.Parse(settings.GetProperty("Service").GetProperty("ShutdownGracePeriod").GetString()!,
            CultureInfo.InvariantCulture);
        var termination = Single(manifests, "Deployment").At("spec.template.spec.terminationGracePeriodSeconds")
            .Integer();

        Assert.InRange(termination, grace.TotalSeconds + 1, grace.TotalSeconds + 60);
    }

    [Fact]
    public async Task Selectors_Rendered_ServiceDisruptionBudgetAndPolicyMatchThePods()
    {
        var manifests = await RenderAsync();

        var deployment = Single(manifests, "Deployment");
        var podLabels = Labels(deployment.At("spec.template.metadata.labels"));
        var service = Single(manifests, "Service");
        var budget = Single(manifests, "PodDisruptionBudget");
        var policy = Single(manifests, "NetworkPolicy");
        var account = Single(manifests, "ServiceAccount");

        Assert.Subset(podLabels, Labels(deployment.At("spec.selector.matchLabels")));
        Assert.Subset(podLabels, Labels(service["spec"]["selector"]));
        Assert.Subset(podLabels, Labels(budget.At("spec.selector.matchLabels")));
        Assert.Subset(podLabels, Labels(policy.At("spec.podSelector.matchLabels")));
        Assert.Equal("http", service.At("spec.ports").Items()[0]["targetPort"].Text());
        Assert.InRange(budget.At("spec.minAvailable").Integer(), 1, deployment.At("spec.replicas").Integer() - 1);
        Assert.Equal(account.At("metadata.name").Text(), deployment.At("spec.template.spec.serviceAccountName").Text());
    }

    [Fact]
    public async Task ReportsVolume_Rendered_IsAClaimEveryReplicaCanWrite()
    {
        var manifests = await RenderAsync();

        var pod = Single(manifests, "Deployment").At("spec.template.spec");
        var mount = pod["containers"].Items()[0]["volumeMounts"].Items()
            .Single(candidate => candidate["mountPath"].Text() == "/reports");
        var claimName = Volume(pod, mount["name"].Text()).At("persistentVolumeClaim.claimName").Text();
        var claim = Single(manifests, "PersistentVolumeClaim");

        Assert.Equal(claim.At("metadata.name").Text(), claimName);
        Assert.Contains("ReadWriteMany", claim.At("spec.accessModes").Texts());
        Assert.False(mount.Find("readOnly")?.Boolean() ?? false);
    }

    [Fact]
    public async Task NetworkPolicy_Rendered_AllowsOnlyTheServicePortsAndItsDependencies()
    {
        var manifests = await RenderAsync();

        var policy = Single(manifests, "NetworkPolicy").At("spec");
        var ingressPorts = policy["ingress"].Items().SelectMany(rule => Ports(rule)).ToList();
        var egressRules = policy["egress"].Items();
        var egressPorts = egressRules.SelectMany(rule => Ports(rule)).ToHashSet();

        Assert.Equal(["Ingress", "Egress"], policy["policyTypes"].Texts());
        Assert.Equal(["TCP/8080"], ingressPorts);
        Assert.All(egressRules, rule => Assert.True(rule.Has("ports"), $"{rule.Path} allows every port"));
        Assert.Equal(new HashSet<string> { "UDP/53", "TCP/53", "TCP/5432", "TCP/443" }, egressPorts);
    }

    [Fact]
    public void ServiceAccount_Source_DocumentsBothWorkloadIdentities()
    {
        var source = RepositoryFiles.ReadAllText($"{BasePath}/serviceaccount.yaml");

        Assert.Contains("eks.amazonaws.com/role-arn", source, StringComparison.Ordinal);
        Assert.Contains("azure.workload.identity/client-id", source, StringComparison.Ordinal);
        Assert.Contains("azure.workload.identity/use: \"true\"", source, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<YamlNode>> RenderAsync() =>
        await Kustomize.RenderAsync(BasePath, TestContext.Current.CancellationToken);

    private static YamlNode Single(IReadOnlyList<YamlNode> manifests, string kind)
    {
        var matches = manifests.Where(manifest => manifest["kind"].Text() == kind).ToList();
        Assert.True(matches.Count == 1, $"expected one {kind}, rendered {matches.Count}");
        return matches[0];
    }

    private static YamlNode Volume(YamlNode pod, string name) =>
        pod["volumes"].Items().Single(volume => volume["name"].Text() == name);

    private static HashSet<string> Labels(YamlNode labels) =>
        labels.Entries().Select(pair => $"{pair.Key}={pair.Value.Text()}").ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Ports(YamlNode rule) =>
        rule.Find("ports")?.Items().Select(port => $"{port.Find("protocol")?.Text() ?? "TCP"}/{port["port"].Text()}")
        ?? [];

    /// <summary>Every setting whose name ends in "File", as configuration keys (Section:0:NameFile).</summary>
    private static IEnumerable<KeyValuePair<string, string>> FileSettings(JsonElement element, string prefix = "")
    {
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(property => (property.Name, property.Value)),
            JsonValueKind.Array => element.EnumerateArray().Select((item, index) =>
                (index.ToString(CultureInfo.InvariantCulture), item)),
            _ => [],
        };
        foreach (var (name, value) in children)
        {
            var key = prefix.Length == 0 ? name : $"{prefix}:{name}";
            if (value.ValueKind == JsonValueKind.String && name.EndsWith("File", StringComparison.Ordinal))
            {
                yield return new KeyValuePair<string, string>(key, value.GetString()!);
            }

            foreach (var nested in FileSettings(value, key))
            {
                yield return nested;
            }
        }
    }
}
