namespace RegistryJanitor.IntegrationTests.Support.TestEnvironment;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = Directory.CreateTempSubdirectory("registryjanitor-test-").FullName;
    }

    /// <summary>The absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="fileName"/> inside the folder; returns its path.
    /// </summary>
    public string WriteFile(string fileName, string content)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
