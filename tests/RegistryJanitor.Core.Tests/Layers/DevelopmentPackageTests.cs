using RegistryJanitor.Core.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class DevelopmentPackageTests
{
    private const string Lib = "usr/lib/x86_64-linux-gnu/";

    private static readonly string[] SslDevFiles =
    [
        "usr/include/openssl/ssl.h", "usr/include/openssl/evp.h", Lib + "libssl.a", Lib + "pkgconfig/libssl.pc",
        "usr/share/doc/libssl-dev/copyright", "usr/share/man/man3/SSL_new.3ssl.gz",
    ];

    private static readonly string[] BuildEssentialFiles =
        ["usr/share/doc/build-essential/list", "usr/share/build-essential/essential-packages-list"];

    private static readonly string[] GccFiles = ["usr/bin/gcc-12", "usr/lib/gcc/x86_64-linux-gnu/12/cc1"];

    [Fact]
    public void Analyze_InstalledDpkgDevelopmentPackages_CountEveryVisibleFileTheyOwnAsToolchain()
    {
        var layer = new LayerBuilder()
            .Text("var/lib/dpkg/status", Status("libssl-dev", "install ok installed")
                + Status("build-essential", "install ok installed") + Status("gcc-12", "install ok installed")
                + Status("libssl3", "install ok installed") + Status("libpq-dev", "deinstall ok config-files"))
            .Text("var/lib/dpkg/info/libssl-dev:amd64.list", List(SslDevFiles.Append(Lib + "libcrypto.a")))
            .Text("var/lib/dpkg/info/build-essential.list", List(BuildEssentialFiles))
            .Text("var/lib/dpkg/info/gcc-12.list", List(GccFiles))
            .Text("var/lib/dpkg/info/libssl3:amd64.list",
                List([Lib + "libssl.so.3", "usr/share/doc/libssl3/copyright"]))
            .Text("var/lib/dpkg/info/libpq-dev:amd64.list", List([Lib + "pkgconfig/libpq.pc"]))
            .File(Lib + "libcrypto.a", 9000)
            .File(Lib + "libssl.so.3", 6100).File("usr/share/doc/libssl3/copyright", 1400)
            .File(Lib + "pkgconfig/libpq.pc", 330)
            .File("usr/local/include/vendor.h", 720)
            .File("usr/share/man/man1/openssl.1ssl.gz", 860);
        var devFiles = SslDevFiles.Concat(BuildEssentialFiles).Concat(GccFiles).ToList();
        for (var i = 0; i < devFiles.Count; i++)
        {
            layer.File(devFiles[i], 200 + (i * 37));
        }

        var upper = new LayerBuilder().Whiteout(Lib + "libcrypto.a");

        var analysis = LayerReading.Analyze(layer, upper);

        var f = layer.Files;
        var toolchain = Category(analysis, DeadWeightCategory.Toolchain);
        var expectedToolchain = devFiles.Append("usr/local/include/vendor.h").ToList();
        Assert.Equal(expectedToolchain.Sum(path => f[path]), toolchain.Bytes);
        Assert.Equal(expectedToolchain.Count, toolchain.FileCount);
        Assert.Equal(f["usr/share/doc/libssl3/copyright"], Category(analysis, DeadWeightCategory.Documentation).Bytes);
        Assert.Equal(f["usr/share/man/man1/openssl.1ssl.gz"], Category(analysis, DeadWeightCategory.ManPages).Bytes);
        Assert.Equal(f[Lib + "libcrypto.a"], analysis.HiddenBytes);
        var sslDev = Assert.Single(analysis.Packages, package => package.Name == "libssl-dev");
        Assert.True(sslDev.IsDevelopment);
        Assert.Equal(SslDevFiles.Sum(path => f[path]), sslDev.Bytes);
        Assert.Equal(SslDevFiles.Length, sslDev.FileCount);
        Assert.DoesNotContain(analysis.Packages, package => package.Name == "libpq-dev");
    }

    [Fact]
    public void Analyze_ApkDevelopmentPackage_CountsItsFilesAsToolchain()
    {
        var layer = new LayerBuilder()
            .Text("lib/apk/db/installed",
                "P:musl\nV:1.2.4-r2\nF:lib\nR:ld-musl-x86_64.so.1\n\n"
                + "P:musl-dev\nV:1.2.4-r2\nF:usr/lib\nR:crt1.o\nR:libc.a\nF:usr/include\nR:stdio.h\n\n")
            .File("lib/ld-musl-x86_64.so.1", 800)
            .File("usr/lib/crt1.o", 1100).File("usr/lib/libc.a", 4400).File("usr/include/stdio.h", 950);

        var analysis = LayerReading.Analyze(layer);

        var f = layer.Files;
        var toolchain = Category(analysis, DeadWeightCategory.Toolchain);
        Assert.Equal(f["usr/lib/crt1.o"] + f["usr/lib/libc.a"] + f["usr/include/stdio.h"], toolchain.Bytes);
        Assert.Equal(3, toolchain.FileCount);
        Assert.Contains("usr/lib/crt1.o", toolchain.Examples);
    }

    [Fact]
    public void Analyze_PythonEggInfo_AttributesTheVisibleInstalledFiles()
    {
        const string Site = "usr/lib/python3/dist-packages/";
        const string Egg = Site + "six-1.16.0.egg-info/";
        var layer = new LayerBuilder()
            .Text(Egg + "PKG-INFO", "Metadata-Version: 1.2\r\nName: six\r\nVersion: 1.16.0\r\n\r\nName: not-this\r\n")
            .Text(Egg + "installed-files.txt",
                "../six.py\n../__pycache__/six.cpython-311.pyc\nPKG-INFO\ninstalled-files.txt\ntop_level.txt\n"
                + "../../../../bin/six-tool\n../gone.py\n\n")
            .File(Egg + "top_level.txt", 4)
            .File(Site + "six.py", 34_500)
            .File(Site + "__pycache__/six.cpython-311.pyc", 41_200)
            .File("usr/bin/six-tool", 310)
            .Text(Site + "legacy-0.9-py3.11.egg-info/PKG-INFO", "Name: legacy\nVersion: 0.9\n")
            .File(Site + "legacy.py", 999);

        var analysis = LayerReading.Analyze(layer);

        var f = layer.Files;
        var six = Assert.Single(analysis.Packages, package => package.Name == "six");
        Assert.Equal("python", six.Ecosystem);
        Assert.Equal("1.16.0", six.Version);
        string[] owned =
        [
            Site + "six.py", Site + "__pycache__/six.cpython-311.pyc", Egg + "PKG-INFO", Egg + "installed-files.txt",
            Egg + "top_level.txt", "usr/bin/six-tool",
        ];
        Assert.Equal(owned.Sum(path => f[path]), six.Bytes);
        Assert.Equal(owned.Length, six.FileCount);
        var legacy = Assert.Single(analysis.Packages, package => package.Name == "legacy");
        Assert.Equal(("0.9", 0L, 0), (legacy.Version, legacy.Bytes, legacy.FileCount));
    }

    private static CategoryTotal Category(ImageAnalysis analysis, DeadWeightCategory category) =>
        Assert.Single(analysis.Categories, total => total.Category == category);

    private static string Status(string name, string status) =>
        $"Package: {name}\nStatus: {status}\nArchitecture: amd64\nVersion: 1.0-1\n\n";

    private static string List(IEnumerable<string> files) =>
        "/.\n/usr\n" + string.Concat(files.Select(path => "/" + path + "\n"));
}
