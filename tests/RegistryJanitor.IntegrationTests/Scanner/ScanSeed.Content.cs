using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>The content of the seeded registry: 32 repositories covering every kind the scanner knows.</summary>
public sealed partial class ScanSeed
{
    public const int SimpleRepositories = 22;
    public const int RepositoryCount = 32;

    private static readonly string[] History = ["ADD rootfs /", "ENV MODE=prod", "COPY app /app"];

    /// <summary>Pushes everything; returns when the registry holds it.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var sharedBase = TestLayer.Create(l => l.File("/etc/os-release", "ID=debian\n").Directory("/app"));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, SimpleRepositories),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, token) => await SeedSimpleAsync(i, sharedBase, token));
        await SeedIndexesAsync(sharedBase, cancellationToken);
        await SeedArtifactsAsync(sharedBase, cancellationToken);
    }

    /// <summary>An image as the simple repositories push it, and the config facts it must produce.</summary>
    public Support.Images.ImageBuilder SimpleImage(string repository, int i, int version, IImageLayer sharedBase,
        out ExpectedConfig config)
    {
        var format = i % 2 == 0 ? ImageFormat.Oci : ImageFormat.Docker;
        var compression = format == ImageFormat.Docker ? LayerCompression.Gzip : (LayerCompression)(i % 3);
        var labels = new Dictionary<string, string> { ["team"] = $"team{i % 3}", ["version"] = $"{version}" };
        var health = i % 4 == 0 ? new[] { "CMD-SHELL", $"curl -f http://localhost:{8000 + i}/" } : null;
        var user = i % 5 == 0 ? null : $"app{i}";
        config = new ExpectedConfig(
            "linux", "amd64", user, ["PATH", "API_TOKEN"], labels, health, [$"{8000 + i}/tcp", "9090/tcp"], History);
        var image = builder.Image(repository)
            .MediaTypes(format)
            .Compression(compression)
            .Layer(sharedBase)
            .Layer(l => l.File("/app/main", $"repository {i} version {version}"));
        image.Config(c =>
        {
            c.Env("PATH=/usr/bin").Env($"API_TOKEN={SecretValue}").ExposedPort($"{8000 + i}/tcp").ExposedPort("9090/tcp");
            c.History(History[0]).History(History[1], emptyLayer: true).History(History[2]);
            foreach (var (key, value) in labels)
            {
                c.Label(key, value);
            }

            if (user is not null)
            {
                c.User(user);
            }

            if (health is not null)
            {
                c.Healthcheck(health[1]);
            }
        });
        return image;
    }

    private async Task SeedSimpleAsync(int i, IImageLayer sharedBase, CancellationToken cancellationToken)
    {
        var repository = Repository(i);
        var v1 = await SimpleImage(repository, i, 1, sharedBase, out var config1).PushAsync(["v1", "latest"],
            cancellationToken);
        var v2 = await SimpleImage(repository, i, 2, sharedBase, out var config2).PushAsync("v2", cancellationToken);
        lock (this)
        {
            AddImage(v1, "image", config1);
            AddImage(v2, "image", config2);
            AddTag(repository, "v1", v1);
            AddTag(repository, "latest", v1);
            AddTag(repository, "v2", v2);
        }
    }

    private async Task SeedIndexesAsync(IImageLayer sharedBase, CancellationToken cancellationToken)
    {
        var styles = new[] { AttestationStyle.ImageConfig, AttestationStyle.AttestationConfig,
            AttestationStyle.OciArtifact };
        for (var s = 0; s < styles.Length; s++)
        {
            var repository = Repository(SimpleRepositories + s);
            var index = await builder.Index(repository)
                .Image(ImagePlatform.LinuxAmd64, i => i.Layer(sharedBase).Layer(l => l.File("/bin/app", $"amd64 {s}")))
                .Image(ImagePlatform.LinuxArm64, i => i.Layer(sharedBase).Layer(l => l.File("/bin/app", $"arm64 {s}")))
                .WithAttestations(styles[s])
                .PushAsync("1.0", cancellationToken);
            AddPushedIndex(index, "index");
            AddTag(repository, "1.0", index);
        }

        var listRepository = Repository(SimpleRepositories + 3);
        var list = await builder.Index(listRepository)
            .MediaTypes(ImageFormat.Docker)
            .Image(ImagePlatform.LinuxAmd64, i => i.Layer(l => l.File("/x", "docker amd64")))
            .Image(ImagePlatform.LinuxArm64, i => i.Layer(l => l.File("/x", "docker arm64")))
            .PushAsync("stable", cancellationToken);
        AddPushedIndex(list, "index");
        AddTag(listRepository, "stable", list);

        var nestedRepository = Repository(SimpleRepositories + 4);
        var inner = await builder.Index(nestedRepository)
            .Image(ImagePlatform.LinuxArm64, i => i.Layer(l => l.File("/inner", "inner")))
            .PushByDigestAsync(cancellationToken);
        var outer = await builder.Index(nestedRepository)
            .Image(ImagePlatform.LinuxAmd64, i => i.Layer(l => l.File("/outer", "outer")))
            .Nested(inner, ImagePlatform.LinuxArm64)
            .PushAsync("nested", cancellationToken);
        AddPushedIndex(outer, "index");
        AddPushedIndex(inner, "index");
        AddTag(nestedRepository, "nested", outer);
    }

    private void AddPushedIndex(PushedIndex index, string kind)
    {
        AddIndex(index, kind, []);
        foreach (var image in index.Images)
        {
            AddImage(image, "image", PlatformConfig(image));
        }

        foreach (var attestation in index.Attestations)
        {
            AddImage(attestation, "attestation", null);
        }
    }

    /// <summary>Images in indexes get the builder's default config: no user, env, labels or ports.</summary>
    private static ExpectedConfig PlatformConfig(PushedImage image) => new(
        image.Platform.Os,
        image.Platform.Architecture,
        null,
        [],
        new Dictionary<string, string>(),
        null,
        [],
        Enumerable.Range(1, image.Layers.Count).Select(n => $"COPY layer {n}").ToList());
}
