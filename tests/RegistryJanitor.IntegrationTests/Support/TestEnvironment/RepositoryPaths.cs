namespace RegistryJanitor.IntegrationTests.Support.TestEnvironment;

/// <summary>Where the tests find the product's files: the migrations folder and the built executable.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>RegistryJanitor.sln</c>, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The repository's <c>migrations</c> folder: the files the product ships.</summary>
    public static string MigrationsDirectory { get; } = Path.Combine(RepositoryRoot, "migrations");

    /// <summary>
    /// <c>RegistryJanitor.dll</c> as built beside the tests (the project reference copies it with its
    /// runtimeconfig and the <c>migrations</c> folder); run it with <c>dotnet RegistryJanitor.dll COMMAND</c>.
    /// </summary>
    public static string ExecutableAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "RegistryJanitor.dll");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RegistryJanitor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new TestEnvironmentException(
            $"RegistryJanitor.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
