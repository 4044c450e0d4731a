using System.Security.Cryptography;
using System.Text;

namespace RegistryJanitor.Demo;

/// <summary>
/// The application files of the demo images: small, generated, and marked as demo content. The secret-like file
/// holds an obviously fake value; its only purpose is to be found.
/// </summary>
internal static class DemoApps
{
    private const string Marker = "RegistryJanitor demo content";

    /// <summary>A Node service built without a .dockerignore: the whole context, .git and .env included.</summary>
    public static IEnumerable<DemoFile> CheckoutApi(string version) =>
    [
        DemoFile.Text("app/package.json",
            $$"""{ "name": "checkout-api", "version": "{{version}}", "description": "{{Marker}}" }"""),
        DemoFile.Text("app/server.js",
            $"// {Marker}\nrequire('http').createServer((q, s) => s.end('ok')).listen(8080);\n"),
        DemoFile.Text("app/node_modules/left-pad/package.json",
            $$"""{ "name": "left-pad", "version": "1.3.0", "description": "{{Marker}}" }"""),
        DemoFile.Text("app/.env", "# " + Marker + ": fake values\nDATABASE_PASSWORD=demo-fake-password-not-real\n"
            + "STRIPE_SECRET_KEY=sk_demo_FAKE_0000000000000000\n"),
        DemoFile.Text("app/.git/HEAD", "ref: refs/heads/main\n"),
        DemoFile.Text("app/.git/config", "[core]\n\trepositoryformatversion = 0\n"),
        DemoFile.Bytes("app/.git/objects/pack/pack-demo.pack", Filler("git-pack-" + version, 96 * 1024)),
        DemoFile.Text("app/Dockerfile", "FROM debian:bookworm\nCOPY . /app\nRUN npm ci\n"),
        DemoFile.Text("app/npm-debug.log", $"{Marker}: 0 info it worked if it ends with ok\n"),
    ];

    /// <summary>numpy metadata (not the library) plus the pip cache a plain <c>pip install</c> leaves behind.</summary>
    public static IEnumerable<DemoFile> PythonSitePackages()
    {
        const string site = "usr/local/lib/python3.11/site-packages/";
        return
        [
            DemoFile.Text(site + "numpy-1.26.4.dist-info/METADATA",
                $"Metadata-Version: 2.1\nName: numpy\nVersion: 1.26.4\nSummary: {Marker}, metadata only\n"),
            DemoFile.Text(site + "numpy-1.26.4.dist-info/RECORD", "numpy/__init__.py,,\n"),
            DemoFile.Text(site + "numpy/__init__.py", $"# {Marker}: stands in for the real package\n"),
            DemoFile.Bytes(site + "numpy/core/_multiarray_umath.demo.so", Filler("numpy", 256 * 1024)),
            DemoFile.Text("app/score.py", $"# {Marker}\nimport numpy\nprint('score')\n"),
            DemoFile.Bytes("root/.cache/pip/http/a/b/c/numpy-wheel.demo", Filler("pip-cache", 192 * 1024)),
        ];
    }

    /// <summary>The monolith's application folder.</summary>
    public static IEnumerable<DemoFile> Monolith(string version) =>
    [
        DemoFile.Text("opt/billing/VERSION", version + "\n"),
        DemoFile.Bytes("opt/billing/billing.bin", Filler("billing-" + version, 384 * 1024)),
        DemoFile.Text("opt/billing/README", Marker + "\n"),
    ];

    /// <summary>The lean service's single static binary.</summary>
    public static IEnumerable<DemoFile> EdgeProxy(string version) =>
    [
        DemoFile.Bytes("app/edge-proxy", Filler("edge-proxy-" + version, 128 * 1024)),
        DemoFile.Text("app/healthcheck", Marker + "\n"),
    ];

    /// <summary>
    /// Bytes that do not compress away, derived from <paramref name="seed"/> so rebuilds are identical.
    /// </summary>
    public static byte[] Filler(string seed, int length)
    {
        var bytes = new byte[length];
        for (var block = 0; block * 32 < length; block++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{block}"));
            hash.AsSpan(0, Math.Min(32, length - (block * 32))).CopyTo(bytes.AsSpan(block * 32));
        }

        return bytes;
    }
}
