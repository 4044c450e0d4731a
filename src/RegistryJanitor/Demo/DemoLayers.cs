using System.Text;

namespace RegistryJanitor.Demo;

/// <summary>
/// The layers the demo images are made of, built once per run from the package files so images that share a base
/// share the very same blobs. Each property is one Dockerfile step's layer.
/// </summary>
internal sealed class DemoLayers
{
    /// <summary>The Debian packages the demo needs, in the order the first-run script fetches them.</summary>
    public static readonly IReadOnlyList<string> PackageNames =
    [
        "base-files", "dash", "zlib1g", "make", "libc6-dev", "python3.11-minimal", "libpython3.11-minimal", "nodejs",
    ];

    private static readonly string[] BasePackages = ["base-files", "dash", "zlib1g"];
    private static readonly string[] ToolchainPackages = ["make", "libc6-dev"];
    private static readonly string[] PythonPackages = ["python3.11-minimal", "libpython3.11-minimal"];
    private static readonly string[] NodePackages = ["nodejs"];

    private readonly DemoFileSource source;

    public DemoLayers(DemoFileSource source)
    {
        this.source = source;
        Base = DemoLayer.Build(Packages(BasePackages, BasePackages));
        Runtime = DemoLayer.Build([DemoFile.Folder("app"), DemoFile.Text("etc/demo-release", "demo runtime\n")]);
        Distroless = DemoLayer.Build(
            [.. source.Package("base-files").Files, DemoFile.Text("etc/passwd", "nonroot:x:65532:65532::/home:/\n")]);
        Node = DemoLayer.Build(Packages(NodePackages, [.. BasePackages, .. NodePackages]));
        Python = DemoLayer.Build(Packages(PythonPackages, [.. BasePackages, .. PythonPackages]));
        Toolchain = DemoLayer.Build([.. Packages(ToolchainPackages, [.. BasePackages, .. ToolchainPackages]),
            .. AptLists([.. BasePackages, .. ToolchainPackages])]);

        // Headers copied aside during a build step and deleted by the next: they still ship, hidden.
        var headers = source.Package("libc6-dev").Files
            .Where(f => f.Path.StartsWith("usr/include/", StringComparison.Ordinal))
            .Select(f => f with { Path = "tmp/build-headers/" + f.Path["usr/include/".Length..] });
        BuildScratch = DemoLayer.Build([DemoFile.Folder("tmp/build-headers"), .. headers]);
        ScratchRemoved = DemoLayer.Build([DemoFile.Whiteout("tmp/build-headers")]);
        SitePackages = DemoLayer.Build(DemoApps.PythonSitePackages());
    }

    public DemoLayer Base { get; }

    public DemoLayer Runtime { get; }

    public DemoLayer Distroless { get; }

    public DemoLayer Node { get; }

    public DemoLayer Python { get; }

    public DemoLayer Toolchain { get; }

    public DemoLayer BuildScratch { get; }

    public DemoLayer ScratchRemoved { get; }

    public DemoLayer SitePackages { get; }

    /// <summary>One layer holding everything a monolith image needs: what a squashed build pushes.</summary>
    public DemoLayer Squashed(string version)
    {
        string[] all = [.. BasePackages, .. ToolchainPackages];
        return DemoLayer.Build([.. Packages(all, all), .. AptLists(all), .. DemoApps.Monolith(version)]);
    }

    /// <summary>
    /// The files of <paramref name="names"/> plus a dpkg status database listing <paramref name="installed"/>.
    /// </summary>
    private List<DemoFile> Packages(IEnumerable<string> names, IEnumerable<string> installed)
    {
        var files = names.SelectMany(n => source.Package(n).Files).ToList();
        var status = new StringBuilder();
        foreach (var name in installed)
        {
            status.Append(source.Package(name).Control.TrimEnd('\n'))
                .Append("\nStatus: install ok installed\n\n");
        }

        files.Add(DemoFile.Text("var/lib/dpkg/status", status.ToString()));
        return files;
    }

    /// <summary>An apt package list as <c>apt-get update</c> leaves it, from the packages' own stanzas.</summary>
    private IEnumerable<DemoFile> AptLists(IEnumerable<string> names)
    {
        var list = new StringBuilder();
        foreach (var name in names)
        {
            list.Append(source.Package(name).Control.TrimEnd('\n')).Append("\n\n");
        }

        yield return DemoFile.Folder("var/lib/apt/lists");
        yield return DemoFile.Text(
            "var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages", list.ToString());
        yield return DemoFile.Text("var/lib/apt/lists/lock", string.Empty);
    }
}
