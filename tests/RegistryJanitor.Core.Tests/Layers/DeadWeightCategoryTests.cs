using RegistryJanitor.Core.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class DeadWeightCategoryTests
{
    private static readonly (string Path, int Size, DeadWeightCategory Category)[] Planted =
    [
        ("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", 4100,
            DeadWeightCategory.AptLists),
        ("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", 900, DeadWeightCategory.AptLists),
        ("var/cache/apt/archives/curl_7.88.1_amd64.deb", 3300, DeadWeightCategory.AptArchives),
        ("var/cache/apt/pkgcache.bin", 1200, DeadWeightCategory.AptArchives),
        ("var/cache/apk/APKINDEX.abc.tar.gz", 800, DeadWeightCategory.ApkCache),
        ("var/cache/dnf/fedora-filenames.solvx", 700, DeadWeightCategory.YumDnfCache),
        ("var/cache/yum/x86_64/7/base/repomd.xml", 650, DeadWeightCategory.YumDnfCache),
        ("root/.cache/pip/http-v2/a/b/c", 2500, DeadWeightCategory.PipCache),
        ("root/.npm/_cacache/content-v2/sha512/ab/cd", 1800, DeadWeightCategory.NpmCache),
        ("usr/local/share/.cache/yarn/v6/npm-lodash-4.17.21/package.json", 1100, DeadWeightCategory.YarnCache),
        ("root/.local/share/pnpm/store/v3/files/00/abc", 450, DeadWeightCategory.PnpmStore),
        ("root/.cache/go-build/0a/0a1b-d", 2200, DeadWeightCategory.GoBuildCache),
        ("go/pkg/mod/github.com/pkg/errors@v0.9.1/errors.go", 1600, DeadWeightCategory.GoModuleCache),
        ("root/.m2/repository/org/slf4j/slf4j-api/2.0.9/slf4j-api-2.0.9.jar", 3900,
            DeadWeightCategory.MavenRepository),
        ("home/gradle/.gradle/caches/modules-2/files-2.1/x.jar", 2700, DeadWeightCategory.GradleCache),
        ("app/.git/objects/pack/pack-1.pack", 5100, DeadWeightCategory.VersionControl),
        ("app/.git/HEAD", 23, DeadWeightCategory.VersionControl),
        ("srv/legacy/.svn/wc.db", 2048, DeadWeightCategory.VersionControl),
        ("srv/legacy/.svn/pristine/3f/3fa1.svn-base", 730, DeadWeightCategory.VersionControl),
        ("opt/tools/.hg/store/00changelog.i", 1500, DeadWeightCategory.VersionControl),
        ("opt/tools/.hg/dirstate", 96, DeadWeightCategory.VersionControl),
        ("usr/lib/node_modules/npm/.git/config", 210, DeadWeightCategory.VersionControl),
        ("app/.env", 120, DeadWeightCategory.LeakedBuildContext),
        ("app/Dockerfile", 310, DeadWeightCategory.LeakedBuildContext),
        ("app/tests/test_api.py", 1400, DeadWeightCategory.LeakedBuildContext),
        ("app/coverage/lcov-report/index.html", 980, DeadWeightCategory.LeakedBuildContext),
        ("app/.idea/workspace.xml", 640, DeadWeightCategory.LeakedBuildContext),
        ("app/logs/server.log", 3100, DeadWeightCategory.LeakedBuildContext),
        ("app/npm-debug.log", 450, DeadWeightCategory.LeakedBuildContext),
        ("srv/worker/build.log", 275, DeadWeightCategory.LeakedBuildContext),
        ("app/tests/fixtures/users.json", 1250, DeadWeightCategory.LeakedBuildContext),
        ("app/fixtures/seed.sql", 880, DeadWeightCategory.LeakedBuildContext),
        ("app/test/unit/cart.test.js", 610, DeadWeightCategory.LeakedBuildContext),
        ("app/src/__tests__/cart.spec.ts", 540, DeadWeightCategory.LeakedBuildContext),
        ("usr/bin/gcc-12", 1300, DeadWeightCategory.Toolchain),
        ("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 6000, DeadWeightCategory.Toolchain),
        ("usr/include/stdio.h", 520, DeadWeightCategory.Toolchain),
        ("usr/lib/x86_64-linux-gnu/libssl.a", 2900, DeadWeightCategory.Toolchain),
        ("usr/share/doc/curl/changelog.Debian.gz", 760, DeadWeightCategory.Documentation),
        ("usr/share/man/man1/curl.1.gz", 430, DeadWeightCategory.ManPages),
        ("usr/share/locale/de/LC_MESSAGES/coreutils.mo", 1700, DeadWeightCategory.Locales),
        ("usr/bin/curl", 2400, DeadWeightCategory.None),
        ("app/server.py", 1900, DeadWeightCategory.None),
        ("usr/lib/python3/dist-packages/requests/tests/test_x.py", 330, DeadWeightCategory.None),
        ("app/node_modules/express/index.js", 280, DeadWeightCategory.None),
        ("var/log/apt/history.log", 1900, DeadWeightCategory.None),
        ("var/log/dpkg.log", 2300, DeadWeightCategory.None),
        ("app/node_modules/qs/test/fixtures/parse.json", 360, DeadWeightCategory.None),
        ("usr/local/lib/python3.11/site-packages/numpy/tests/fixtures/a.npy", 410, DeadWeightCategory.None),
        ("app/svn.py", 150, DeadWeightCategory.None),
        ("app/catalog.hg.json", 170, DeadWeightCategory.None),
        ("app/contests/rules.md", 190, DeadWeightCategory.None),
    ];

    [Fact]
    public void Analyze_PlantedFiles_GivesExactBytesAndCountsPerCategory()
    {
        var layer = new LayerBuilder();
        foreach (var (path, size, _) in Planted)
        {
            layer.File(path, size);
        }

        var analysis = LayerReading.Analyze(layer);

        var expected = Planted.Where(file => file.Category != DeadWeightCategory.None)
            .GroupBy(file => file.Category)
            .ToDictionary(group => group.Key, group => (Bytes: group.Sum(file => (long)layer.Files[file.Path]),
                Count: group.Count()));
        Assert.Equal(expected.Keys.Order(), analysis.Categories.Select(total => total.Category).Order());
        foreach (var total in analysis.Categories)
        {
            Assert.Equal(expected[total.Category].Bytes, total.Bytes);
            Assert.Equal(expected[total.Category].Count, total.FileCount);
            Assert.All(total.Examples, path => Assert.Contains(
                Planted, file => file.Path == path && file.Category == total.Category));
        }
    }

    [Fact]
    public void Analyze_SameContentGzipZstdAndTar_GivesIdenticalCategories()
    {
        var layer = new LayerBuilder();
        foreach (var (path, size, _) in Planted)
        {
            layer.File(path, size);
        }

        var tar = layer.ToTar();

        var results = new[]
        {
            LayerReading.Read(LayerBuilder.Gzip(tar), LayerReading.Gzip),
            LayerReading.Read(LayerBuilder.Zstd(tar), LayerReading.Zstd),
            LayerReading.Read(tar, LayerReading.Tar),
        }.Select(index => ImageAnalyzer.Analyze([index])).ToList();

        foreach (var analysis in results.Skip(1))
        {
            Assert.Equal(Describe(results[0]), Describe(analysis));
        }
    }

    private static string Describe(ImageAnalysis analysis) => string.Join(";",
        analysis.Categories.Select(total => $"{total.Category}={total.Bytes}/{total.FileCount}"))
        + $";{analysis.UncompressedBytes};{analysis.VisibleBytes};{analysis.HiddenBytes};{analysis.DiveEfficiency}";
}
