using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace RegistryJanitor.Benchmarks.Layers;

/// <summary>
/// Writes a realistic layer as <c>.tar.gz</c>: tens of thousands of files, mostly small, some large, content
/// that compresses about 3:1, package databases and some dead weight, like a runtime image built on Debian.
/// </summary>
internal static class BenchmarkLayerGenerator
{
    private const int PoolBytes = 32 * 1024 * 1024;

    private static readonly string[] Words =
        ["import", "return", "function", "const", "value", "self", "def", "class", "if", "else", "for", "while",
            "the", "data", "error", "string", "int", "module", "export", "default", "null", "true", "false"];

    /// <summary>The seed of the first benchmark layer; others add to it.</summary>
    public const int FirstSeed = 20261203;

    /// <summary>
    /// Writes at least <paramref name="targetBytes"/> of file content; another <paramref name="seed"/> gives
    /// another layer of the same shape (other names, sizes and content).
    /// </summary>
    public static void Write(string path, long targetBytes, int seed = FirstSeed)
    {
        var random = new Random(seed);
        var pool = Pool(random);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);

        WritePackageDatabases(tar, directories);
        long written = 0;
        for (var i = 0; written < targetBytes; i++)
        {
            var (name, size) = NextFile(random, i);
            EnsureDirectories(tar, directories, name);
            var offset = random.Next(PoolBytes - size);
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(pool, offset, size, writable: false),
            });
            written += size;
            if (i % 50 == 0)
            {
                tar.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, name + ".link") { LinkName = name });
            }
        }
    }

    private static (string Name, int Size) NextFile(Random random, int i)
    {
        var roll = random.Next(1000);
        return roll switch
        {
            < 600 => ($"usr/lib/python3/dist-packages/pkg{i % 900}/module_{i}.py", random.Next(400, 16 * 1024)),
            < 800 => ($"app/node_modules/dep{i % 700}/lib/file_{i}.js", random.Next(200, 24 * 1024)),
            < 950 => ($"usr/lib/x86_64-linux-gnu/lib{i % 300}/libpart{i}.so", random.Next(8 * 1024, 128 * 1024)),
            < 970 => ($"usr/share/doc/pkg{i % 200}/changelog_{i}.gz", random.Next(1024, 32 * 1024)),
            < 980 => ($"var/lib/apt/lists/mirror_{i}_Packages", random.Next(64 * 1024, 1024 * 1024)),
            < 985 => ($"app/.git/objects/pack/pack-{i}.pack", random.Next(64 * 1024, 1024 * 1024)),
            < 999 => ($"usr/share/locale/l{i % 90}/LC_MESSAGES/domain_{i}.mo", random.Next(1024, 8 * 1024)),
            _ => ($"opt/app/data/blob_{i}.bin", random.Next(1 << 20, 8 << 20)),
        };
    }

    private static void EnsureDirectories(TarWriter tar, HashSet<string> directories, string name)
    {
        var slash = name.IndexOf('/');
        while (slash > 0)
        {
            var directory = name[..(slash + 1)];
            if (directories.Add(directory))
            {
                tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, directory));
            }

            slash = name.IndexOf('/', slash + 1);
        }
    }

    private static void WritePackageDatabases(TarWriter tar, HashSet<string> directories)
    {
        var status = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            status.Append("Package: pkg").Append(i).Append("\nStatus: install ok installed\nVersion: 1.")
                .Append(i).Append("\nDescription: generated package\n\n");
            var list = new StringBuilder("/.\n");
            for (var j = 0; j < 40; j++)
            {
                list.Append("/usr/lib/python3/dist-packages/pkg").Append(i).Append("/module_").Append(j)
                    .Append(".py\n");
            }

            WriteText(tar, directories, $"var/lib/dpkg/info/pkg{i}.list", list.ToString());
        }

        WriteText(tar, directories, "var/lib/dpkg/status", status.ToString());
        for (var i = 0; i < 700; i++)
        {
            WriteText(tar, directories, $"app/node_modules/dep{i}/package.json",
                $"{{\"name\":\"dep{i}\",\"version\":\"1.0.{i}\",\"main\":\"lib/index.js\"}}");
        }
    }

    private static void WriteText(TarWriter tar, HashSet<string> directories, string name, string text)
    {
        EnsureDirectories(tar, directories, name);
        tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
        });
    }

    /// <summary>Text-like runs mixed with random bytes: deflate gets roughly 3:1 out of it.</summary>
    private static byte[] Pool(Random random)
    {
        var pool = new byte[PoolBytes];
        var position = 0;
        while (position < PoolBytes)
        {
            var run = Math.Min(PoolBytes - position, random.Next(16, 96));
            if (random.Next(100) < 15)
            {
                random.NextBytes(pool.AsSpan(position, run));
            }
            else
            {
                // Whole words separated by spaces, so deflate finds matches as it does in code and text.
                for (var i = 0; i < run;)
                {
                    foreach (var c in Words[random.Next(Words.Length)] + " ")
                    {
                        if (i < run)
                        {
                            pool[position + i++] = (byte)c;
                        }
                    }
                }
            }

            position += run;
        }

        return pool;
    }
}
