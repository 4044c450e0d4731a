using System.Text;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>The scenario images: what each holds, and the dead-weight bytes the test put in on purpose.</summary>
public sealed partial class RankingScenarioTests
{
    /// <summary>
    /// A Node service pushed three times (the newest created last but named last too), root, no health check,
    /// no .dockerignore (.git, .env, tests), apt lists, a shell and apt, and a tarball deleted by a later layer.
    /// </summary>
    private static async Task<RankedScenario> PushWebAsync(
        TestImageBuilder builder, string repository, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var aptList = Content(30_000, 11);
        var tarball = Content(20_000, 12);
        var pack = Content(25_000, 13);
        const string Head = "ref: refs/heads/main\n";
        const string Test = "test('ok', () => {});\n";
        var baseLayer = TestLayer.Create(l => l
            .File("/bin/bash", Content(40_000, 14), Executable)
            .File("/usr/bin/apt-get", Content(10_000, 15), Executable)
            .File("/lib64/ld-linux-x86-64.so.2", Content(5_000, 16), Executable)
            .File("/" + Apt, aptList)
            .File("/tmp/node.tar.xz", tarball));
        var context = TestLayer.Create(l => l
            .File("/app/package.json", "{ \"name\": \"web\" }")
            .File("/app/server.js", "require('http');\n")
            .File("/app/.git/HEAD", Head)
            .File("/app/.git/objects/pack/p.pack", pack)
            .File("/app/.env", EnvFile)
            .File("/app/tests/server.test.js", Test));
        var install = TestLayer.Create(l => l
            .File("/app/node_modules/express/package.json", "{ \"name\": \"express\", \"version\": \"4.19.2\" }")
            .File("/app/node_modules/express/index.js", Content(8_000, 17))
            .Whiteout("/tmp/node.tar.xz"));

        PushedImage? newest = null;
        foreach (var (tag, daysAgo) in new[] { ("zeta", 1), ("alpha", 20), ("beta", 10) })
        {
            var image = await builder.Image(repository)
                .MediaTypes(ImageFormat.Docker)
                .Layer(baseLayer)
                .Layer(context)
                .Layer(install)
                .Config(c => c.Env("NODE_VERSION=22.1.0").Env("PATH=/usr/bin").Created(now.AddDays(-daysAgo))
                    .History("/bin/sh -c #(nop) ADD file:rootfs in / ")
                    .History("/bin/sh -c #(nop)  CMD [\"bash\"]", emptyLayer: true)
                    .History("COPY . /app # buildkit")
                    .History("RUN /bin/sh -c npm ci # buildkit")
                    .History("CMD [\"node\", \"/app/server.js\"]", emptyLayer: true))
                .PushAsync(tag, cancellationToken);
            newest ??= image;
        }

        var deadWeight = aptList.Length + Utf8(Head) + pack.Length + Utf8(EnvFile) + Utf8(Test);
        return new RankedScenario(newest!, deadWeight, tarball.Length, 0, RetainedTags: 3, Lean: false);
    }

    /// <summary>
    /// Python with numpy in site-packages and the pip cache left behind; non-root; its base named by a label but
    /// not pinned by digest.
    /// </summary>
    private static async Task<RankedScenario> PushMlAsync(
        TestImageBuilder builder, string repository, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pip = Content(20_000, 23);
        var record = string.Concat(NumpyFiles.Select(file => file.Path[SitePackages.Length..] + ",,\n"));
        var baseLayer = TestLayer.Create(l => l
            .File("/etc/debian_version", "12.5\n")
            .File("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", Content(40_000, 21))
            .File("/lib64/ld-linux-x86-64.so.2", Content(5_000, 22), Executable));
        var packages = TestLayer.Create(l =>
        {
            l.File("/" + SitePackages + "numpy-1.26.4.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: numpy\nVersion: 1.26.4\n");
            l.File("/" + SitePackages + "numpy-1.26.4.dist-info/RECORD", record);
            foreach (var (file, index) in NumpyFiles.Select((file, index) => (file, index)))
            {
                l.File("/" + file.Path, Content(file.Size, 24 + index));
            }

            l.File("/" + PipCache, pip);
        });
        var image = await builder.Image(repository)
            .Layer(baseLayer)
            .Layer(packages)
            .Config(c => c.User("1000").Env("PYTHON_VERSION=3.11.9").Created(now.AddDays(-5))
                .Label(BaseImageAnnotations.BaseName, MlBase)
                .History("/bin/sh -c #(nop) ADD file:rootfs in / ")
                .History("/bin/sh -c #(nop)  CMD [\"python3\"]", emptyLayer: true)
                .History("RUN /bin/sh -c pip install numpy==1.26.4 # buildkit"))
            .PushAsync("v1", cancellationToken);
        return new RankedScenario(image, pip.Length, 0, 0, RetainedTags: 1, Lean: false);
    }

    /// <summary>
    /// Two squashed builds, each one unshared layer, rarely pushed, root, with a compiler and headers inside. The
    /// repository name in VERSION keeps the layers apart from another test's billing builds in the same database.
    /// </summary>
    private static async Task<RankedScenario> PushBillingAsync(
        TestImageBuilder builder, string repository, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cc1 = Content(30_000, 31);
        const string Header = "int printf(const char *format, ...);\n";
        PushedImage? newest = null;
        foreach (var (tag, daysAgo, seed) in new[] { ("4.2", 50, 34), ("4.3", 20, 32) })
        {
            var layer = TestLayer.Create(l => l
                .File("/opt/billing/billing.bin", Content(60_000, seed), Executable)
                .File("/opt/billing/VERSION", $"{repository} {tag}\n")
                .File("/usr/lib/gcc/x86_64-linux-gnu/12/cc1", cc1, Executable)
                .File("/usr/include/stdio.h", Header)
                .File("/lib64/ld-linux-x86-64.so.2", Content(5_000, 33), Executable));
            newest = await builder.Image(repository)
                .Layer(layer)
                .Config(c => c.User("0").Created(now.AddDays(-daysAgo))
                    .History("merge layers (docker build --squash)"))
                .PushAsync(tag, cancellationToken);
        }

        return new RankedScenario(newest!, 0, 0, cc1.Length + Utf8(Header), RetainedTags: 2, Lean: false);
    }

    /// <summary>A Go build whose repository holds a BuildKit registry cache.</summary>
    private static async Task<RankedScenario> PushCiAsync(
        TestImageBuilder builder, string repository, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var layer = TestLayer.Create(l => l.FileOfSize("/usr/local/bin/app", 300_000, seed: 41));
        var image = await builder.Image(repository)
            .Layer(layer)
            .Config(c => c.User("1000").Env("GOLANG_VERSION=1.23").Created(now.AddDays(-7))
                .History("RUN /bin/sh -c go build -o /usr/local/bin/app . # buildkit"))
            .PushAsync("v1", cancellationToken);
        await builder.BuildCache.PushImageManifestFormAsync(repository, "buildcache", [layer], cancellationToken);
        return new RankedScenario(image, 0, 0, 0, RetainedTags: 1, Lean: false);
    }

    /// <summary>One static binary on a pinned distroless base, non-root, health check, signed, with an SBOM.</summary>
    private static async Task<RankedScenario> PushLeanAsync(
        TestImageBuilder builder, string repository, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var layer = TestLayer.Create(l => l
            .File("/app/server", Content(50_000, 51), Executable)
            .File("/etc/passwd", "nonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n"));
        var image = await builder.Image(repository)
            .Layer(layer)
            .Config(c => c.User("65532:65532").Created(now.AddDays(-3))
                .Label(BaseImageAnnotations.BaseName, "gcr.io/distroless/static-debian12")
                .Label(BaseImageAnnotations.BaseDigest, "sha256:" + new string('c', 64))
                .Healthcheck("/app/server --health")
                .History("COPY /out/server /app/server # buildkit"))
            .PushAsync("v1", cancellationToken);
        await builder.Cosign.SignAsync(image, cancellationToken);
        await builder.Cosign.AttachSbomAsync(image, cancellationToken);
        return new RankedScenario(image, 0, 0, 0, RetainedTags: 1, Lean: true);
    }

    private static int Utf8(string text) => Encoding.UTF8.GetByteCount(text);
}
