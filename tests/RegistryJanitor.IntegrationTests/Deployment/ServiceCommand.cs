using System.Diagnostics;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>Runs a command of the built service (RegistryJanitor.dll beside the tests) as its own process.</summary>
internal static class ServiceCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RegistryJanitor.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return await ChildProcess.RunAsync(startInfo, Timeout, cancellationToken);
    }
}
