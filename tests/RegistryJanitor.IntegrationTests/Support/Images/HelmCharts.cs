using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Helm charts as OCI artifacts, the way <c>helm push</c> stores them: a Helm config blob and one
/// <c>chart.content.v1.tar+gzip</c> layer holding the chart folder. A <c>+</c> in the version becomes
/// <c>_</c> in the tag.
/// </summary>
public sealed class HelmCharts
{
    private readonly TestImageBuilder owner;

    internal HelmCharts(TestImageBuilder owner)
    {
        this.owner = owner;
    }

    /// <summary>Pushes chart <paramref name="name"/> at <paramref name="version"/> to the repository.</summary>
    public Task<PushedImage> PushAsync(
        string repository,
        string name,
        string version,
        CancellationToken cancellationToken = default)
    {
        var chartYaml = $"apiVersion: v2\nname: {name}\nversion: {version}\ntype: application\n";
        var chart = TestLayer.Create(l => l
            .File($"{name}/Chart.yaml", chartYaml)
            .File($"{name}/values.yaml", "replicaCount: 1\n")
            .File($"{name}/templates/deployment.yaml", "kind: Deployment\napiVersion: apps/v1\n"));
        var archive = chart.Blob(LayerCompression.Gzip);
        var config = Encoding.UTF8.GetBytes(
            $"{{\"name\":\"{name}\",\"version\":\"{version}\",\"apiVersion\":\"v2\",\"type\":\"application\"}}");

        return owner.Image(repository)
            .MediaTypes(ImageFormat.Oci)
            .Platform(ImagePlatform.Unknown)
            .RawConfig(MediaTypes.HelmConfig, config)
            .Layer(new BlobLayer(archive.Content, MediaTypes.HelmChartContent, chart.DiffId))
            .PushAsync(version.Replace('+', '_'), cancellationToken);
    }
}
