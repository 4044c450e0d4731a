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
        var startInfo = new ProcessStartInfo("kubectl");
        startInfo.ArgumentList.Add("kustomize");
        startInfo.ArgumentList.Add(RepositoryFiles.PathOf(relativeFolder));

        (int ExitCode, string Output, string Error) result;
        try
        {
            result = await ChildProcess.RunAsync(startInfo, Timeout, cancellationToken);
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "kubectl is not installed or not on PATH; the Kubernetes manifests are checked by rendering them " +
                "with `kubectl kustomize`. Install it (Debian: apt-get install kubernetes-client; deploy/test.sh " +
                "does this) and run the tests again.", exception);
        }

        Assert.True(result.ExitCode == 0,
            $"kubectl kustomize {relativeFolder} failed ({result.ExitCode}): {result.Error}");
        return YamlDocuments.LoadAll(result.Output);
    }
}
