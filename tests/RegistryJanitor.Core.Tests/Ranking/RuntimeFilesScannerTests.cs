using RegistryJanitor.Core.Ranking;
using Xunit;

namespace RegistryJanitor.Core.Tests.Ranking;

public sealed class RuntimeFilesScannerTests
{
    private const int Executable = 0b111_101_101;

    private const int Plain = 0b110_100_100;

    [Fact]
    public void Scan_DebianNodeImage_FindsShellPackageManagerAndNodeModules()
    {
        var files = new Dictionary<string, (long, int)>
        {
            ["bin/bash"] = (1_200_000, Executable),
            ["usr/bin/apt-get"] = (50_000, Executable),
            ["usr/local/bin/node"] = (90_000_000, Executable),
            ["lib64/ld-linux-x86-64.so.2"] = (200_000, Executable),
            ["app/node_modules/express/index.js"] = (1_000, Plain),
            ["app/node_modules/express/lib/router.js"] = (3_000, Plain),
            ["app/server.js"] = (500, Plain),
        };

        var result = RuntimeFilesScanner.Scan(files.Keys, path => files[path]);

        Assert.Equal(["bin/bash"], result.Shells);
        Assert.Equal(["usr/bin/apt-get"], result.PackageManagers);
        Assert.Equal(1_000 + 3_000, result.NodeModulesBytes);
        Assert.True(result.NodeRuntime);
        Assert.True(result.HasDynamicLoader);
        Assert.Empty(result.StaticExecutables);
    }

    [Fact]
    public void Scan_ScratchImageWithOneBinary_ReportsStaticExecutableAndNoShell()
    {
        var files = new Dictionary<string, (long, int)>
        {
            ["app/edge-proxy"] = (8_000_000, Executable),
            ["app/config.yaml"] = (300, Plain),
            ["etc/ssl/certs/ca-certificates.crt"] = (200_000, Plain),
        };

        var result = RuntimeFilesScanner.Scan(files.Keys, path => files[path]);

        Assert.Empty(result.Shells);
        Assert.Empty(result.PackageManagers);
        Assert.False(result.HasDynamicLoader);
        Assert.Equal(["app/edge-proxy"], result.StaticExecutables);
    }

    [Fact]
    public void Scan_JavaAndDotNetFiles_CountsTheirBytesSeparately()
    {
        var files = new Dictionary<string, (long, int)>
        {
            ["opt/app/app.jar"] = (40_000_000, Plain),
            ["usr/lib/jvm/java-21/lib/modules"] = (130_000_000, Plain),
            ["usr/share/dotnet/shared/Microsoft.NETCore.App/9.0.0/System.Private.CoreLib.dll"] = (15_000_000, Plain),
            ["app/Api.deps.json"] = (20_000, Plain),
            ["app/Api.dll"] = (300_000, Plain),
        };

        var result = RuntimeFilesScanner.Scan(files.Keys, path => files[path]);

        Assert.Equal(40_000_000 + 130_000_000, result.JvmBytes);
        Assert.Equal(15_000_000 + 20_000 + 300_000, result.DotNetBytes);
    }
}
