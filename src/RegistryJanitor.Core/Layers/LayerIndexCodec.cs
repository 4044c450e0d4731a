using System.IO.Compression;
using System.Text;

namespace RegistryJanitor.Core.Layers;

/// <summary>
/// Packs a <see cref="LayerIndex"/> into one compact binary value for storage, and back, so image analyses can
/// be recomputed from the database without downloading a blob again.
/// </summary>
/// <remarks>
/// Entries keep their tar order; each path is front-coded against the previous one (tar writers emit paths in
/// directory order, so most share a long prefix), numbers are LEB128 varints, and the whole is Deflate-compressed.
/// The captured package database files are included, because package attribution needs them per image.
/// Layout, version 1: magic <c>RJLI</c>, version byte, then compressed: tar bytes, skipped captures, entry count,
/// entries (type, secret, mode, size, shared prefix length, suffix length, suffix UTF-8), captured file count,
/// captured files (path length, path UTF-8, content length, content).
/// </remarks>
public static class LayerIndexCodec
{
    private const byte Version = 1;
    private static readonly byte[] Magic = "RJLI"u8.ToArray();

    public static byte[] Encode(LayerIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        using var output = new MemoryStream();
        output.Write(Magic);
        output.WriteByte(Version);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt64(index.TarBytes);
            writer.Write7BitEncodedInt(index.SkippedCaptures);
            writer.Write7BitEncodedInt(index.Entries.Count);
            var previous = string.Empty;
            foreach (var entry in index.Entries)
            {
                writer.Write((byte)entry.Type);
                writer.Write((byte)entry.Secret);
                writer.Write7BitEncodedInt(entry.Mode);
                writer.Write7BitEncodedInt64(entry.Size);
                var shared = previous.AsSpan().CommonPrefixLength(entry.Path);
                writer.Write7BitEncodedInt(shared);
                WriteString(writer, entry.Path[shared..]);
                previous = entry.Path;
            }

            writer.Write7BitEncodedInt(index.CapturedFiles.Count);
            foreach (var (path, content) in index.CapturedFiles)
            {
                WriteString(writer, path);
                writer.Write7BitEncodedInt(content.Length);
                writer.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <exception cref="InvalidDataException">The value is not an encoded index of a known version.</exception>
    public static LayerIndex Decode(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length < Magic.Length + 1 || !encoded.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || encoded[Magic.Length] != Version)
        {
            throw new InvalidDataException("Not a layer index of version 1.");
        }

        using var input = new MemoryStream(encoded, Magic.Length + 1, encoded.Length - Magic.Length - 1);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var reader = new BinaryReader(deflate, Encoding.UTF8);
        var tarBytes = reader.Read7BitEncodedInt64();
        var skipped = reader.Read7BitEncodedInt();
        var count = reader.Read7BitEncodedInt();
        var entries = new List<LayerEntry>(Math.Min(count, 1 << 20));
        var previous = string.Empty;
        for (var i = 0; i < count; i++)
        {
            var type = (LayerEntryType)reader.ReadByte();
            var secret = (SecretKind)reader.ReadByte();
            var mode = reader.Read7BitEncodedInt();
            var size = reader.Read7BitEncodedInt64();
            var shared = reader.Read7BitEncodedInt();
            if (shared > previous.Length)
            {
                throw new InvalidDataException("A shared prefix is longer than the previous path.");
            }

            var path = string.Concat(previous.AsSpan(0, shared), ReadString(reader));
            entries.Add(new LayerEntry(path, size, type, mode, secret));
            previous = path;
        }

        var files = reader.Read7BitEncodedInt();
        var captured = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < files; i++)
        {
            var path = ReadString(reader);
            var length = reader.Read7BitEncodedInt();
            var content = reader.ReadBytes(length);
            if (content.Length != length)
            {
                throw new InvalidDataException("A captured file is truncated.");
            }

            captured[path] = content;
        }

        return new LayerIndex(entries, tarBytes, captured, skipped);
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write7BitEncodedInt(bytes.Length);
        writer.Write(bytes);
    }

    private static string ReadString(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length
            ? Encoding.UTF8.GetString(bytes)
            : throw new InvalidDataException("A path is truncated.");
    }
}
