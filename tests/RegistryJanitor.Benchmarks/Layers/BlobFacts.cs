using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Benchmarks.Layers;

/// <summary>Digest, sizes and entry count of the benchmark blob, measured once outside the timed runs.</summary>
internal sealed class BlobFacts
{
    public BlobFacts(string path)
    {
        Path = path;
        using (var file = File.OpenRead(path))
        {
            Digest = Digest.Parse("sha256:" + Convert.ToHexStringLower(SHA256.HashData(file)));
            CompressedBytes = file.Length;
        }

        using var input = File.OpenRead(path);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var counter = new CountingStream(gzip);
        using (var tar = new TarReader(counter, leaveOpen: true))
        {
            while (tar.GetNextEntry(copyData: false) is not null)
            {
                Entries++;
            }
        }

        counter.CopyTo(Stream.Null);
        TarBytes = counter.Count;
    }

    public string Path { get; }

    public Digest Digest { get; }

    public long CompressedBytes { get; }

    public long TarBytes { get; }

    public int Entries { get; }
}
