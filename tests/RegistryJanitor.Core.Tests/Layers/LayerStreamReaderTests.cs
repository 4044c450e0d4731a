using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Time.Testing;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class LayerStreamReaderTests
{
    private static LayerBuilder Sample() => new LayerBuilder().Directory("usr/").Directory("usr/bin/")
        .File("usr/bin/tool", 70_000).File("./etc/os-release", 200).Symlink("usr/bin/alias").Whiteout("opt/old")
        .Opaque("var/cache").Text("var/lib/dpkg/status", "Package: curl\nStatus: install ok installed\n");

    [Fact]
    public void Read_GzipZstdAndPlainTar_GiveIdenticalIndexes()
    {
        var tar = Sample().ToTar();

        var gzip = LayerReading.Read(LayerBuilder.Gzip(tar), LayerReading.Gzip);
        var zstd = LayerReading.Read(LayerBuilder.Zstd(tar), LayerReading.Zstd);
        var plain = LayerReading.Read(tar, LayerReading.Tar);

        Assert.Equal(plain.Entries, gzip.Entries);
        Assert.Equal(plain.Entries, zstd.Entries);
        Assert.Equal(tar.Length, plain.TarBytes);
        Assert.Equal(tar.Length, gzip.TarBytes);
        Assert.Equal(tar.Length, zstd.TarBytes);
        Assert.Equal(plain.CapturedFiles["var/lib/dpkg/status"], gzip.CapturedFiles["var/lib/dpkg/status"]);
    }

    [Fact]
    public void Read_Sample_IndexesNormalisedPathsAndWhiteouts()
    {
        var layer = Sample();

        var index = LayerReading.ReadGzip(layer);

        Assert.Contains(index.Entries, e => e.Path == "etc/os-release" && e.Size == layer.Files["etc/os-release"]);
        Assert.Contains(index.Entries, e => e.Path == "usr/bin" && e.Type == Core.Layers.LayerEntryType.Directory);
        Assert.Contains(index.Entries, e => e.Path == "opt/old" && e.Type == Core.Layers.LayerEntryType.Whiteout);
        Assert.Contains(index.Entries,
            e => e.Path == "var/cache" && e.Type == Core.Layers.LayerEntryType.OpaqueWhiteout);
        Assert.Equal(layer.Files.Count, index.FileCount);
        Assert.Equal(layer.Files.Values.Sum(), index.FileBytes);
    }

    [Fact]
    public void Read_GzipLabelledAsPlainTar_IsDecodedByItsMagicBytes()
    {
        var tar = Sample().ToTar();

        var index = LayerReading.Read(LayerBuilder.Gzip(tar), LayerReading.Tar);

        Assert.Equal(tar.Length, index.TarBytes);
    }

    [Fact]
    public void Read_CorruptGzip_IsRejectedAsCorruptCompression()
    {
        var blob = LayerBuilder.Gzip(Sample().ToTar());
        for (var i = 20; i < 60; i++)
        {
            blob[i] ^= 0x5A;
        }

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip));

        Assert.Equal(LayerRejectionReason.CorruptCompression, reason);
    }

    [Theory]
    [InlineData(LayerReading.Gzip)]
    [InlineData(LayerReading.Zstd)]
    [InlineData(LayerReading.Tar)]
    public void Read_TruncatedBlob_IsRejectedAsTruncated(string mediaType)
    {
        var tar = Sample().ToTar();
        var blob = mediaType == LayerReading.Gzip ? LayerBuilder.Gzip(tar)
            : mediaType == LayerReading.Zstd ? LayerBuilder.Zstd(tar) : tar;
        using var truncated = new MemoryStream(blob, 0, blob.Length / 2);

        var reason = LayerReading.Rejection(() => LayerReading.Reader()
            .Read(truncated, Digest.Sha256Of(blob), blob.Length, mediaType, CancellationToken.None));

        Assert.Equal(LayerRejectionReason.TruncatedBlob, reason);
    }

    [Fact]
    public void Read_ContentNotMatchingDigest_IsRejectedAsWrongDigest()
    {
        var blob = LayerBuilder.Gzip(Sample().ToTar());
        var other = LayerBuilder.Gzip(new LayerBuilder().File("x", 10).ToTar());
        using var stream = new MemoryStream(blob);

        var reason = LayerReading.Rejection(() => LayerReading.Reader()
            .Read(stream, Digest.Sha256Of(other), blob.Length, LayerReading.Gzip, CancellationToken.None));

        Assert.Equal(LayerRejectionReason.WrongDigest, reason);
    }

    [Fact]
    public void Read_BlobLongerThanDescriptor_IsRejectedAsWrongDigest()
    {
        var blob = LayerBuilder.Gzip(Sample().ToTar());
        using var stream = new MemoryStream([.. blob, .. new byte[4096]]);

        var reason = LayerReading.Rejection(() => LayerReading.Reader()
            .Read(stream, Digest.Sha256Of(blob), blob.Length, LayerReading.Gzip, CancellationToken.None));

        Assert.Equal(LayerRejectionReason.WrongDigest, reason);
    }

    [Fact]
    public void Read_MillionEmptyEntries_IsRejectedAtTheEntryCap()
    {
        var options = new LayerReaderOptions();
        using var tar = new MemoryStream();
        using (var gzip = new GZipStream(tar, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "e" + i));
            }
        }

        var reason = LayerReading.Rejection(() => LayerReading.Read(tar.ToArray(), LayerReading.Gzip, options));

        Assert.Equal(LayerRejectionReason.TooManyEntries, reason);
        Assert.True(options.MaxEntries < 1_000_000);
    }

    [Fact]
    public void Read_GzipBomb_IsRejectedByTheRatioCap()
    {
        var blob = GzipBomb(declaredFileBytes: 4L << 30, zeroMembers: 64);

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip));

        Assert.Equal(LayerRejectionReason.CompressionRatio, reason);
    }

    [Fact]
    public void Read_MoreUncompressedBytesThanAllowed_IsRejectedAsTooLarge()
    {
        var options = new LayerReaderOptions { MaxUncompressedBytes = 100_000 };
        var blob = LayerBuilder.Gzip(new LayerBuilder().File("big", 200_000).ToTar());

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip, options));

        Assert.Equal(LayerRejectionReason.TooLarge, reason);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("app/../../root/.ssh/authorized_keys")]
    public void Read_PathTraversalName_IsRejected(string name)
    {
        var blob = LayerBuilder.Gzip(new LayerBuilder().File("ok", 10).File(name, 10).ToTar());

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip));

        Assert.Equal(LayerRejectionReason.PathTraversal, reason);
    }

    [Fact]
    public void Read_AbsurdLongName_IsRejectedAsTooLong()
    {
        var options = new LayerReaderOptions();
        var name = string.Join('/', Enumerable.Repeat(new string('n', 200), 500));
        var blob = LayerBuilder.Gzip(new LayerBuilder().File(name, 10).ToTar());

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip, options));

        Assert.Equal(LayerRejectionReason.PathTooLong, reason);
        Assert.True(name.Length > options.MaxPathLength);
    }

    [Fact]
    public void Read_NameOfSeveralMebibytes_IsRejectedAsTooLong()
    {
        var name = string.Join('/', Enumerable.Repeat(new string('m', 250), 12_000));
        var blob = LayerBuilder.Gzip(new LayerBuilder().File("ok", 10).File(name, 10).ToTar());

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip));

        Assert.Equal(LayerRejectionReason.PathTooLong, reason);
    }

    [Fact]
    public void Read_BareWhiteoutName_IsRejectedAsInvalid()
    {
        var blob = LayerBuilder.Gzip(new LayerBuilder().File("dir/.wh.", 0).ToTar());

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip));

        Assert.Equal(LayerRejectionReason.InvalidName, reason);
    }

    [Fact]
    public void Read_GarbageAfterGzipHeader_IsRejectedNotCrashed()
    {
        var blob = new byte[] { 0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF }.Concat(LayerBuilder.Content("g", 5000))
            .ToArray();

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Gzip));

        Assert.Equal(LayerRejectionReason.CorruptCompression, reason);
    }

    [Fact]
    public void Read_PlainTarWithBadHeader_IsRejectedAsCorruptTar()
    {
        var blob = Sample().ToTar();
        blob[148] ^= 0x7F;

        var reason = LayerReading.Rejection(() => LayerReading.Read(blob, LayerReading.Tar));

        Assert.Equal(LayerRejectionReason.CorruptTar, reason);
    }

    [Fact]
    public void Read_SlowerThanMaxDuration_IsRejectedAsTimedOut()
    {
        var time = new FakeTimeProvider();
        var options = new LayerReaderOptions { MaxDuration = TimeSpan.FromMinutes(1) };
        var blob = LayerBuilder.Gzip(new LayerBuilder().File("big", 3_000_000).ToTar());
        using var slow = new ClockAdvancingStream(blob, time, TimeSpan.FromSeconds(30));

        var reason = LayerReading.Rejection(() => LayerReading.Reader(options, time)
            .Read(slow, Digest.Sha256Of(blob), blob.Length, LayerReading.Gzip, CancellationToken.None));

        Assert.Equal(LayerRejectionReason.TimedOut, reason);
    }

    /// <summary>A tar header declaring one huge file, followed by concatenated gzip members of zeros.</summary>
    private static byte[] GzipBomb(long declaredFileBytes, int zeroMembers)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "zeros"));
        }

        // Patch the octal size field and the header checksum: the data then comes from the zero members.
        var header = tar.ToArray()[..512];
        System.Text.Encoding.ASCII.GetBytes(Convert.ToString(declaredFileBytes, 8).PadLeft(11, '0') + "\0")
            .CopyTo(header, 124);
        header.AsSpan(148, 8).Fill((byte)' ');
        var checksum = header.Sum(b => b);
        System.Text.Encoding.ASCII.GetBytes(Convert.ToString(checksum, 8).PadLeft(6, '0') + "\0 ")
            .CopyTo(header, 148);

        using var zeroMember = new MemoryStream();
        using (var gzip = new GZipStream(zeroMember, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[64 << 20]);
        }

        var zeros = zeroMember.ToArray();
        using var blob = new MemoryStream();
        blob.Write(LayerBuilder.Gzip(header));
        for (var i = 0; i < zeroMembers; i++)
        {
            blob.Write(zeros);
        }

        return blob.ToArray();
    }
}
