using System.Globalization;

namespace RegistryJanitor.Demo;

/// <summary>
/// Pushes the demo repositories: one per row of the decision matrix plus an image that is already lean, with
/// enough history, artifacts and mistakes in them to give every finding something to find.
/// </summary>
internal sealed class DemoSeeder(DemoImageWriter writer, TimeProvider time, TextWriter output)
{
    public const string CheckoutApi = "demo/checkout-api";
    public const string MlScoring = "demo/ml-scoring";
    public const string LegacyBilling = "demo/legacy-billing";
    public const string CiRunner = "demo/ci-runner";
    public const string EdgeProxy = "demo/edge-proxy";

    /// <summary>Every repository the seeder creates.</summary>
    public static readonly IReadOnlyList<string> Repositories =
        [CheckoutApi, MlScoring, LegacyBilling, CiRunner, EdgeProxy];

    /// <summary>
    /// Pushed only by the second pass (<see cref="RebuildAsync"/>): when it exists, seeding is complete.
    /// </summary>
    public const string CompletionRepository = CheckoutApi;

    /// <summary>The tag the second pass adds.</summary>
    public const string CompletionTag = "latest";

    /// <summary>The tag the second pass moves to a rebuild, leaving the first build untagged.</summary>
    public const string RebuiltTag = "v1.11.0";

    private const string FromDebian = "/bin/sh -c #(nop) ADD file:demo-rootfs in / # debian:bookworm";

    private int pushed;

    public async Task<int> SeedAsync(DemoLayers layers, CancellationToken cancellationToken)
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        await SeedCheckoutApiAsync(layers, today, cancellationToken);
        await SeedMlScoringAsync(layers, today, cancellationToken);
        await SeedLegacyBillingAsync(layers, today, cancellationToken);
        await SeedCiRunnerAsync(layers, today, cancellationToken);
        await SeedEdgeProxyAsync(layers, today, cancellationToken);
        return pushed;
    }

    /// <summary>
    /// The second pass, run after a scan has seen the first: CI rebuilds <see cref="RebuiltTag"/> and pushes it
    /// again, so the first build stays in the registry untagged. A generic registry cannot list untagged
    /// manifests, so a scanner only learns of one by having seen it tagged before.
    /// </summary>
    public async Task<int> RebuildAsync(DemoLayers layers, CancellationToken cancellationToken)
    {
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var rebuild = CheckoutImage(layers, "1.11.0-rebuild", today.AddDays(-1));
        await PushImageAsync(CheckoutApi, rebuild, RebuiltTag, cancellationToken);
        await PushImageAsync(CheckoutApi, rebuild, CompletionTag, cancellationToken);
        return pushed;
    }

    /// <summary>High-frequency microservice: a tag a week for three months, context copied before npm ci.</summary>
    private async Task SeedCheckoutApiAsync(
        DemoLayers layers, DateTimeOffset today, CancellationToken cancellationToken)
    {
        const int Tags = 12;
        for (var i = 0; i < Tags; i++)
        {
            var image = CheckoutImage(layers, $"1.{i}.0", today.AddDays(-7 * (Tags - i)));
            await PushImageAsync(CheckoutApi, image, $"v1.{i}.0", cancellationToken);
        }
    }

    private static DemoImage CheckoutImage(DemoLayers layers, string version, DateTimeOffset created) => new()
    {
        Created = created,
        DockerMediaTypes = true,
        User = "1000",
        Healthcheck = true,
        Cmd = ["node", "/app/server.js"],
        Env = ["PATH=/usr/local/bin:/usr/bin:/bin", "NODE_ENV=production"],
        Steps =
        [
            new DemoStep(FromDebian, layers.Base),
            new DemoStep("RUN apt-get update && apt-get install -y nodejs && rm -rf /var/lib/apt/lists/*", layers.Node),
            DemoStep.Meta("WORKDIR /app"),
            new DemoStep("COPY . /app", DemoLayer.Build(DemoApps.CheckoutApi(version))),
            new DemoStep("RUN npm ci --omit=dev", DemoLayer.Build(
                [DemoFile.Bytes("app/node_modules/.package-lock.json", DemoApps.Filler(version, 4096))])),
            DemoStep.Meta("USER 1000"),
            DemoStep.Meta("HEALTHCHECK CMD [\"/app/healthcheck\"]"),
            DemoStep.Meta("CMD [\"node\", \"/app/server.js\"]"),
        ],
    };

    /// <summary>Data-heavy Python: multi-arch indexes with BuildKit attestations, root, pip cache kept.</summary>
    private async Task SeedMlScoringAsync(
        DemoLayers layers, DateTimeOffset today, CancellationToken cancellationToken)
    {
        for (var month = 0; month < 3; month++)
        {
            var children = new List<(PushedManifest, string, PushedManifest)>();
            foreach (var architecture in new[] { "amd64", "arm64" })
            {
                var image = new DemoImage
                {
                    Created = today.AddMonths(month - 2).AddDays(-3),
                    Architecture = architecture,
                    Cmd = ["python3", "/app/score.py"],
                    Labels = new Dictionary<string, string> { ["org.opencontainers.image.title"] = "ml-scoring" },
                    Steps =
                    [
                        new DemoStep(FromDebian, layers.Base),
                        new DemoStep("RUN apt-get update && apt-get install -y python3-minimal", layers.Python),
                        new DemoStep("RUN pip install numpy==1.26.4 && cp score.py /app/", layers.SitePackages),
                        DemoStep.Meta("CMD [\"python3\", \"/app/score.py\"]"),
                    ],
                };
                var child = await writer.PushImageAsync(MlScoring, image, null, cancellationToken);
                var attestation = await writer.PushAttestationAsync(MlScoring, child, cancellationToken);
                children.Add((child, architecture, attestation));
            }

            var tag = $"2.{month}";
            await PushAsync(MlScoring, tag, writer.PushIndexAsync(MlScoring, tag, children, cancellationToken));
        }
    }

    /// <summary>Legacy monolith: rarely pushed, squashed to one layer, toolchain and apt lists inside, root.</summary>
    private async Task SeedLegacyBillingAsync(
        DemoLayers layers, DateTimeOffset today, CancellationToken cancellationToken)
    {
        foreach (var (version, daysAgo) in new[] { ("4.2", 150), ("4.3", 20) })
        {
            var image = new DemoImage
            {
                Created = today.AddDays(-daysAgo),
                DockerMediaTypes = true,
                User = "0",
                Cmd = ["/opt/billing/billing.bin"],
                Steps = [new DemoStep("merge layers (docker build --squash)", layers.Squashed(version))],
            };
            await PushImageAsync(LegacyBilling, image, version, cancellationToken);
        }
    }

    /// <summary>CI-constrained: a toolchain image with a registry build cache; deleted scratch still ships.</summary>
    private async Task SeedCiRunnerAsync(
        DemoLayers layers, DateTimeOffset today, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 4; i++)
        {
            var build = (i + 1).ToString(CultureInfo.InvariantCulture);
            var image = new DemoImage
            {
                Created = today.AddDays(-14 * (3 - i)),
                Cmd = ["make", "-C", "/src"],
                Steps =
                [
                    new DemoStep(FromDebian, layers.Base),
                    new DemoStep("RUN apt-get update && apt-get install -y make libc6-dev", layers.Toolchain),
                    new DemoStep("RUN cp -r /usr/include /tmp/build-headers && make -C /tmp", layers.BuildScratch),
                    new DemoStep("RUN rm -rf /tmp/build-headers", layers.ScratchRemoved),
                    new DemoStep("COPY Makefile /src/", DemoLayer.Build(
                        [DemoFile.Text("src/Makefile", $"# RegistryJanitor demo content, build {build}\nall:\n")])),
                    DemoStep.Meta("CMD [\"make\", \"-C\", \"/src\"]"),
                ],
            };
            await PushImageAsync(CiRunner, image, "build-" + build, cancellationToken);
        }

        await PushAsync(CiRunner, "buildcache", writer.PushBuildCacheAsync(
            CiRunner, "buildcache", [layers.Base, layers.Toolchain, layers.BuildScratch], cancellationToken));
    }

    /// <summary>Already lean: distroless-like, non-root, health check, pinned base, signed.</summary>
    private async Task SeedEdgeProxyAsync(
        DemoLayers layers, DateTimeOffset today, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 3; i++)
        {
            var version = $"3.{i}.0";
            var image = new DemoImage
            {
                Created = today.AddDays(-10 * (2 - i)),
                User = "65532:65532",
                Healthcheck = true,
                Env = ["PATH=/app"],
                Cmd = ["/app/edge-proxy"],
                Labels = new Dictionary<string, string>
                {
                    ["org.opencontainers.image.base.name"] = "gcr.io/distroless/static-debian12:nonroot",
                    ["org.opencontainers.image.base.digest"] = layers.Distroless.Digest,
                },
                Steps =
                [
                    new DemoStep("COPY / / # distroless static-debian12:nonroot", layers.Distroless),
                    new DemoStep("COPY --from=build /out/edge-proxy /app/",
                        DemoLayer.Build(DemoApps.EdgeProxy(version))),
                    DemoStep.Meta("USER 65532:65532"),
                    DemoStep.Meta("HEALTHCHECK CMD [\"/app/healthcheck\"]"),
                ],
            };
            var tagged = await PushImageAsync(EdgeProxy, image, version, cancellationToken);
            await PushAsync(EdgeProxy, "signature of " + version,
                writer.PushSignatureAsync(EdgeProxy, tagged, cancellationToken));
            if (i == 2)
            {
                await PushImageAsync(EdgeProxy, image, "latest", cancellationToken);
            }
        }
    }

    /// <summary>Pushes an image under <paramref name="tag"/>, or by digest only when it is null.</summary>
    private Task<PushedManifest> PushImageAsync(
        string repository, DemoImage image, string? tag, CancellationToken cancellationToken) =>
        PushAsync(repository, tag ?? "(untagged)", writer.PushImageAsync(repository, image, tag, cancellationToken));

    private async Task<PushedManifest> PushAsync(string repository, string what, Task<PushedManifest> push)
    {
        var manifest = await push;
        pushed++;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  [{pushed,2}] {repository}:{what} {manifest.Digest[..19]} ({manifest.Size} bytes manifest)"));
        return manifest;
    }
}
