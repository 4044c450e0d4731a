using RegistryJanitor.Core.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class SecretAndPackageTests
{
    private const string PrivateKey =
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
        + "-----END OPENSSH PRIVATE KEY-----\n";

    [Fact]
    public void Analyze_SecretLikeFiles_ReportsKindAndPathOnly()
    {
        var lower = new LayerBuilder().Text("root/.ssh/id_ed25519", PrivateKey)
            .Text("app/.env", "DEBUG=1\nDATABASE_PASSWORD=hunter2\n")
            .Text("srv/.env", "DATABASE_PASSWORD=\n# TOKEN=abc\n")
            .Text("home/node/.npmrc", "//registry.npmjs.org/:_authToken=npm_abcdef\n")
            .Text("root/.aws/credentials", "[default]\naws_access_key_id=AKIA\naws_secret_access_key=abc\n")
            .Text("etc/ssl/certs/ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        var upper = new LayerBuilder().Whiteout("root/.ssh/id_ed25519");
        var lowerIndex = LayerReading.ReadGzip(lower);

        var analysis = ImageAnalyzer.Analyze([lowerIndex, LayerReading.ReadGzip(upper)]);

        var found = analysis.Secrets.ToDictionary(secret => secret.Path);
        Assert.Equal(4, found.Count);
        Assert.Equal(SecretKind.PrivateKey, found["root/.ssh/id_ed25519"].Kind);
        Assert.False(found["root/.ssh/id_ed25519"].Visible);
        Assert.Equal(SecretKind.DotEnvCredentials, found["app/.env"].Kind);
        Assert.Equal(SecretKind.NpmrcToken, found["home/node/.npmrc"].Kind);
        Assert.Equal(SecretKind.AwsCredentials, found["root/.aws/credentials"].Kind);
        Assert.DoesNotContain(lowerIndex.CapturedFiles.Keys, path => found.ContainsKey(path));
    }

    [Fact]
    public void Analyze_PackageDatabases_AttributeVisibleBytesToPackages()
    {
        var layer = new LayerBuilder()
            .Text("var/lib/dpkg/status",
                "Package: curl\nStatus: install ok installed\nVersion: 7.88\n\n"
                + "Package: libgone\nStatus: deinstall ok config-files\nVersion: 1\n")
            .Text("var/lib/dpkg/info/curl:amd64.list", "/.\n/usr\n/usr/bin/curl\n/usr/share/doc/curl/copyright\n")
            .File("usr/bin/curl", 2400).File("usr/share/doc/curl/copyright", 300)
            .Text("lib/apk/db/installed", "P:musl\nV:1.2.4\nF:lib\nR:ld-musl-x86_64.so.1\nR:libc.musl.so\n\n")
            .File("lib/ld-musl-x86_64.so.1", 800)
            .Text("usr/lib/python3.11/site-packages/requests-2.31.0.dist-info/METADATA",
                "Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n\nLong description\n")
            .Text("usr/lib/python3.11/site-packages/requests-2.31.0.dist-info/RECORD",
                "requests/__init__.py,sha256=x,500\nrequests/api.py,sha256=y,700\n"
                + "../../../bin/requests-cli,sha256=z,90\nrequests-2.31.0.dist-info/RECORD,,\n")
            .File("usr/lib/python3.11/site-packages/requests/__init__.py", 500)
            .File("usr/lib/python3.11/site-packages/requests/api.py", 700)
            .File("usr/bin/requests-cli", 90)
            .Text("app/node_modules/express/package.json", "{\"name\":\"express\",\"version\":\"4.19.2\"}")
            .File("app/node_modules/express/index.js", 1234)
            .File("app/node_modules/express/node_modules/debug/index.js", 99)
            .Text("app/node_modules/@types/node/package.json", "{\"name\":\"@types/node\",\"version\":\"20.1.0\"}")
            .File("app/node_modules/@types/node/index.d.ts", 4321);

        var analysis = LayerReading.Analyze(layer);

        var packages = analysis.Packages.ToDictionary(package => package.Ecosystem + ":" + package.Name);
        Assert.Equal(5, packages.Count);
        var f = layer.Files;
        Assert.Equal(f["usr/bin/curl"] + f["usr/share/doc/curl/copyright"], packages["dpkg:curl"].Bytes);
        Assert.Equal(2, packages["dpkg:curl"].FileCount);
        Assert.Equal("7.88", packages["dpkg:curl"].Version);
        Assert.Equal(f["lib/ld-musl-x86_64.so.1"], packages["apk:musl"].Bytes);
        var site = "usr/lib/python3.11/site-packages/";
        Assert.Equal(f[site + "requests/__init__.py"] + f[site + "requests/api.py"] + f["usr/bin/requests-cli"]
            + f[site + "requests-2.31.0.dist-info/RECORD"], packages["python:requests"].Bytes);
        Assert.Equal(f["app/node_modules/express/index.js"] + f["app/node_modules/express/package.json"],
            packages["npm:express"].Bytes);
        Assert.Equal(f["app/node_modules/@types/node/index.d.ts"] + f["app/node_modules/@types/node/package.json"],
            packages["npm:@types/node"].Bytes);
    }

    [Theory]
    [InlineData("libssl-dev", true)]
    [InlineData("build-essential", true)]
    [InlineData("gcc-12", true)]
    [InlineData("musl-dev", true)]
    [InlineData("libssl3", false)]
    [InlineData("make-dfsg", false)]
    [InlineData("curl", false)]
    public void IsDevelopment_PackageName_RecognisesToolchainPackages(string name, bool expected)
    {
        Assert.Equal(expected, Core.Layers.Packages.PackageAttribution.IsDevelopment(name));
    }
}
