using System.Security.Cryptography;

namespace RegistryJanitor.Reports;

/// <summary>
/// Writes a file next to its final place under a temporary name, flushes it to disk, hashes it, then renames
/// it over the final name, so a reader of the folder sees either the old complete file or the new one.
/// </summary>
internal static class AtomicFileWriter
{
    public static (long SizeBytes, string Sha256) Write(string finalPath, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(finalPath))
            ?? throw new ArgumentException("The report path has no folder.", nameof(finalPath));
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            (long, string) fingerprint;
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                fingerprint = (stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
            }

            File.Move(temporary, finalPath, overwrite: true);
            return fingerprint;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
