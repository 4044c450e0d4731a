using System.ComponentModel;
using System.Diagnostics;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>Renders a kustomization with <c>kubectl kustomize</c>, the way an operator would apply it.</summary>
internal static class Kustomize
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The rendered resources, one YAML document each.</summary>
    public static async Task<IReadOnlyList<YamlNode>> RenderAsync(string relativeFolder,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("kustomize");
        startInfo.ArgumentList.Add(RepositoryFiles.PathOf(relativeFolder));

        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "kubectl is not installed or not on PATH; the Kubernetes manifests are checked by rendering them " +
                "with `kubectl kustomize`. Install it (Debian: apt-get install kubernetes-client; deploy/test.sh " +
                "does this) and run the tests again.", exception);
        }

        using (process)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var yaml = await output;
            Assert.True(process.ExitCode == 0,
                $"kubectl kustomize {relativeFolder} failed ({process.ExitCode}): {await error}");
            return YamlDocuments.LoadAll(yaml);
        }
    }
}
