using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Layers.Packages;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class DependencyAttributionTests
{
    // build-essential pulls in compilers; libc6 and zlib1g are also needed by curl, which stays, and tar is
    // essential. libgcc-s1 is needed by g++-12 and by libstdc++6, which g++-12 alone needs.
    private static readonly (string Name, string Extra, string[] Files)[] Packages =
    [
        ("build-essential",
            "Depends: libc6-dev | libc-dev, gcc (>= 4:12.2), g++ (>= 4:12.2), make, dpkg-dev (>= 1.17.11)",
            ["usr/share/doc/build-essential/list"]),
        ("gcc", "Depends: cpp (= 4:12.2.0-3), gcc-12 (>= 12.2.0-1~)", ["usr/share/doc/gcc/README"]),
        ("gcc-12", "Pre-Depends: zlib1g\nDepends: cpp-12 (= 12.2.0-14), libc6 (>= 2.36)",
            ["usr/bin/gcc-12", "usr/lib/gcc/x86_64-linux-gnu/12/collect2"]),
        ("cpp", "Depends: cpp-12 (>= 12.2.0-1~)", ["usr/bin/cpp"]),
        ("cpp-12", "Depends: libc6 (>= 2.36), libgmp10:amd64", ["usr/lib/gcc/x86_64-linux-gnu/12/cc1"]),
        ("g++", "Depends: cpp (= 4:12.2.0-3), g++-12 (>= 12.2.0-1~)", ["usr/share/doc/g++/README"]),
        ("g++-12", "Depends: gcc-12 (= 12.2.0-14), libstdc++6, libgcc-s1",
            ["usr/lib/gcc/x86_64-linux-gnu/12/cc1plus"]),
        ("libstdc++6", "Depends: libgcc-s1, libc6", ["usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30"]),
        ("libgcc-s1", "Depends: libc6", ["usr/lib/x86_64-linux-gnu/libgcc_s.so.1"]),
        ("libgmp10", "Depends: libc6", ["usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1"]),
        ("make", "Depends: libc6 (>= 2.34)", ["usr/bin/make"]),
        ("dpkg-dev", "Depends: make, tar (>= 1.28), binutils", ["usr/bin/dpkg-buildpackage"]),
        ("binutils", "Depends: libc6", ["usr/bin/ld.bfd", "usr/bin/as"]),
        ("libc6-dev", "Provides: libc-dev\nDepends: libc6 (= 2.36-9)",
            ["usr/include/stdio.h", "usr/lib/x86_64-linux-gnu/libc.a"]),
        ("libc6", "Priority: optional", ["usr/lib/x86_64-linux-gnu/libc.so.6"]),
        ("zlib1g", "Depends: libc6", ["usr/lib/x86_64-linux-gnu/libz.so.1.2.13"]),
        ("tar", "Essential: yes\nPre-Depends: libc6", ["usr/bin/tar"]),
        ("curl", "Depends: libc6, zlib1g", ["usr/bin/curl"]),
    ];

    [Fact]
    public void Analyze_DpkgDependencies_AttributesTheDependenciesOnlyThePackageNeeds()
    {
        var layer = new LayerBuilder().Text("var/lib/dpkg/status", string.Concat(Packages.Select(Stanza))
            + "Package: python3-gone\nStatus: deinstall ok config-files\nDepends: make\n\n");
        for (var i = 0; i < Packages.Length; i++)
        {
            var (name, _, files) = Packages[i];
            layer.Text($"var/lib/dpkg/info/{name}:amd64.list",
                "/.\n/usr\n" + string.Concat(files.Select(f => $"/{f}\n")));
            foreach (var file in files)
            {
                layer.File(file, 1000 + (i * 97) + file.Length);
            }
        }

        var upper = new LayerBuilder().Whiteout("usr/bin/as");

        var analysis = LayerReading.Analyze(layer, upper);

        string[] onlyForIt =
        [
            "binutils", "cpp", "cpp-12", "dpkg-dev", "g++", "g++-12", "gcc", "gcc-12", "libc6-dev", "libgcc-s1",
            "libgmp10", "libstdc++6", "make",
        ];
        var visible = layer.Files.Keys.Where(path => path != "usr/bin/as").ToHashSet();
        var dependencyFiles = Packages.Where(p => onlyForIt.Contains(p.Name)).SelectMany(p => p.Files)
            .Where(visible.Contains).ToList();
        var buildEssential = Usage(analysis, "build-essential");
        Assert.Equal(onlyForIt, buildEssential.ExclusiveDependencies);
        Assert.Equal(dependencyFiles.Sum(path => layer.Files[path]), buildEssential.DependencyBytes);
        Assert.Equal(dependencyFiles.Count, buildEssential.DependencyFileCount);
        Assert.Equal(buildEssential.Bytes + dependencyFiles.Sum(path => layer.Files[path]),
            buildEssential.BytesWithDependencies);
        Assert.Equal(["libgmp10"], Usage(analysis, "cpp-12").ExclusiveDependencies);
        Assert.Equal(["libgcc-s1", "libstdc++6"], Usage(analysis, "g++-12").ExclusiveDependencies);
        Assert.Empty(Usage(analysis, "curl").ExclusiveDependencies);
        Assert.Equal(0, Usage(analysis, "curl").DependencyBytes);
        Assert.Empty(Usage(analysis, "gcc").ExclusiveDependencies);
    }

    [Theory]
    [InlineData(DependencyClosure.MaxPackages, DependencyClosure.MaxPackages - 1)]
    [InlineData(DependencyClosure.MaxPackages + 1, 0)]
    public void Compute_LongDependencyChain_IsWalkedUpToTheCapOnly(int count, int expectedOfFirst)
    {
        var packages = Enumerable.Range(0, count).Select(i => new InstalledPackage("dpkg", $"p{i}", "1", [], null)
        {
            Dependencies = i + 1 < count ? [[$"p{i + 1}"]] : [],
        }).ToList();

        var exclusive = DependencyClosure.Compute(packages);

        Assert.Equal(expectedOfFirst, exclusive.GetValueOrDefault("p0")?.Count ?? 0);
    }

    private static PackageUsage Usage(ImageAnalysis analysis, string name) =>
        Assert.Single(analysis.Packages, package => package.Ecosystem == "dpkg" && package.Name == name);

    private static string Stanza((string Name, string Extra, string[] Files) package) =>
        $"Package: {package.Name}\nStatus: install ok installed\nPriority: optional\nVersion: 1.0\n{package.Extra}\n"
        + "Description: a package\n continuation line: with a colon\n\n";
}
