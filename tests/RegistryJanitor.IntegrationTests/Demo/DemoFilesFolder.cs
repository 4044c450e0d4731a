namespace RegistryJanitor.IntegrationTests.Demo;

/// <summary>
/// A small stand-in for the package cache the first-run script unpacks: one folder per Debian package as
/// <c>dpkg-deb -x</c> and <c>dpkg-deb -e</c> leave it, with a few files each, so the test needs no network.
/// </summary>
internal static class DemoFilesFolder
{
    public static readonly IReadOnlyList<string> Packages =
    [
        "base-files", "dash", "zlib1g", "make", "libc6-dev", "python3.11-minimal", "libpython3.11-minimal", "nodejs",
    ];

    public static void Write(string root)
    {
        foreach (var package in Packages)
        {
            var folder = Path.Combine(root, package);
            Directory.CreateDirectory(Path.Combine(folder, "DEBIAN"));
            File.WriteAllText(Path.Combine(folder, "DEBIAN", "control"),
                $"Package: {package}\nVersion: 1.0-test\nArchitecture: amd64\nDescription: test package\n");
            WriteFile(folder, $"usr/share/doc/{package}/copyright", $"test content of {package}\n");
            WriteFile(folder, $"usr/bin/{package}-tool", new string('x', 2048));
        }

        WriteFile(Path.Combine(root, "libc6-dev"), "usr/include/stdio.h", "/* test header */\n");
        WriteFile(Path.Combine(root, "libc6-dev"), "usr/lib/x86_64-linux-gnu/libc.a", new string('a', 4096));
        File.CreateSymbolicLink(Path.Combine(root, "dash", "usr", "bin", "sh"), "dash-tool");
    }

    private static void WriteFile(string folder, string relative, string content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
