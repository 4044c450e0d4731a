using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>Finds the repository the tests were built from, so deployment files are checked where they live.</summary>
internal static class RepositoryFiles
{
    private const string SolutionFileName = "RegistryJanitor.sln";

    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Absolute path of the repository root (the folder holding the solution file).</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadAllText(string relativePath)
    {
        var path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing from the repository");
        return File.ReadAllText(path);
    }

    /// <summary>Repository-relative paths (with '/') of the files under a folder, build output left out.</summary>
    public static IReadOnlyList<string> FilesUnder(string relativeFolder)
    {
        var folder = PathOf(relativeFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Split('/').Any(segment => segment is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFileName} above {AppContext.BaseDirectory}: run the tests from a build of the repository.");
    }
}
