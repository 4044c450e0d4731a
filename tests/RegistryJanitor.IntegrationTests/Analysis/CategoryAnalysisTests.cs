using RegistryJanitor.Analysis;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Analysis;

public sealed class CategoryAnalysisTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string AptList = "var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages";

    [Fact]
    public async Task RunAsync_ImageWithManyCategories_StoresTheBytesAndFilesWrittenAfterTheOverlay()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-categories") + "/app";
        var seed = Random.Shared.Next(1, 1_000_000) * 64;
        var system = TestLayer.Create(l => l
            .FileOfSize("usr/bin/python3", 6_000, seed + 1).FileOfSize("usr/bin/node", 7_000, seed + 2)
            .FileOfSize("usr/include/stdio.h", 1_900, seed + 3).FileOfSize("usr/include/zlib.h", 2_300, seed + 4)
            .FileOfSize("usr/share/man/man1/python3.1.gz", 640, seed + 5)
            .FileOfSize("usr/share/man/man1/node.1.gz", 720, seed + 6)
            .FileOfSize(AptList, 5_200, seed + 7));
        var pip = TestLayer.Create(l => l
            .Whiteout("var/lib/apt/lists")
            .FileOfSize("root/.cache/pip/http-v2/a/b/c/d/0f1e", 3_300, seed + 8)
            .FileOfSize("root/.cache/pip/http-v2/4/5/6/7/9a8b", 2_900, seed + 9)
            .FileOfSize("usr/local/lib/python3.11/site-packages/requests/api.py", 1_100, seed + 10));
        var manifests = TestLayer.Create(l => l
            .FileOfSize("app/package.json", 420, seed + 11).FileOfSize("app/package-lock.json", 1_800, seed + 12));
        var install = TestLayer.Create(l => l
            .FileOfSize("app/node_modules/express/index.js", 2_600, seed + 13)
            .FileOfSize("root/.npm/_cacache/content-v2/sha512/aa/bb", 4_100, seed + 14)
            .FileOfSize("root/.npm/_cacache/index-v5/cc/dd", 380, seed + 15)
            .FileOfSize("usr/local/share/.cache/yarn/v6/npm-ms-2.1.3/index.js", 1_700, seed + 16));
        var context = TestLayer.Create(l => l
            .FileOfSize("app/package.json", 430, seed + 17).FileOfSize("app/server.js", 2_200, seed + 18)
            .FileOfSize("app/.git/HEAD", 23, seed + 19)
            .FileOfSize("app/.git/objects/pack/pack-1.pack", 8_800, seed + 20)
            .File("app/.env", "LOG_LEVEL=debug\nPORT=8080\n").FileOfSize("app/Dockerfile", 300, seed + 21)
            .FileOfSize("app/node_modules/left-pad/index.js", 900, seed + 22)
            .FileOfSize("app/node_modules/left-pad/package.json", 350, seed + 23));
        var cleanup = TestLayer.Create(l => l.Whiteout("usr/local/share/.cache"));
        TestLayer[] layers = [system, pip, manifests, install, context, cleanup];
        var image = await builder.Image(repository).Layers(layers)
            .Config(c => c.History("RUN apt-get update && apt-get install -y python3-pip nodejs gcc")
                .History("RUN rm -rf /var/lib/apt/lists/* && pip install requests")
                .History("WORKDIR /app", emptyLayer: true)
                .History("COPY package.json package-lock.json ./ # buildkit")
                .History("RUN npm ci && yarn add ms # buildkit")
                .History("COPY . . # buildkit")
                .History("RUN rm -rf /usr/local/share/.cache # buildkit")
                .History("CMD [\"node\", \"server.js\"]", emptyLayer: true))
            .PushAsync("v1", cancellationToken);
        await using var host = new AnalysisHost(database.DataSource);
        var rows = new AnalysisRows(database.DataSource);

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("categories", registryUrl, repository), cancellationToken);

        Assert.Equal(AnalysisSummary.Succeeded, summary.Status);
        var expected = new HashSet<(string, long, int)>
        {
            Total("Toolchain", system, "usr/include/stdio.h", "usr/include/zlib.h"),
            Total("ManPages", system, "usr/share/man/man1/python3.1.gz", "usr/share/man/man1/node.1.gz"),
            Total("PipCache", pip, "root/.cache/pip/http-v2/a/b/c/d/0f1e", "root/.cache/pip/http-v2/4/5/6/7/9a8b"),
            Total("NpmCache", install,
                "root/.npm/_cacache/content-v2/sha512/aa/bb", "root/.npm/_cacache/index-v5/cc/dd"),
            Total("VersionControl", context, "app/.git/HEAD", "app/.git/objects/pack/pack-1.pack"),
            Total("LeakedBuildContext", context, "app/.env", "app/Dockerfile", "app/node_modules/left-pad/index.js",
                "app/node_modules/left-pad/package.json"),
        };
        Assert.Equal(expected, await rows.CategoriesAsync(image.Digest, cancellationToken));
        var stored = await rows.ImageAsync(image.Digest, cancellationToken);
        Assert.NotNull(stored);
        var hidden = Size(system, AptList) + Size(manifests, "app/package.json")
            + Size(install, "usr/local/share/.cache/yarn/v6/npm-ms-2.1.3/index.js");
        Assert.Equal(hidden, stored.Value.Hidden);
        Assert.Equal(3, stored.Value.HiddenFiles);
        Assert.Equal(layers.Sum(layer => layer.FileBytes) - hidden, stored.Value.Visible);
        Assert.Equal(layers.Sum(layer => layer.TarSize), stored.Value.Uncompressed);
    }

    private static (string Category, long Bytes, int Files) Total(
        string category, TestLayer layer, params string[] paths) =>
        (category, paths.Sum(path => Size(layer, path)), paths.Length);

    private static long Size(TestLayer layer, string path) =>
        layer.Entries.Single(entry => entry.Kind == LayerEntryKind.File && entry.Path == path).Size;
}
