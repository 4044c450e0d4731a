using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// The comparison content scanned generically (as user <c>AWS</c>) and through the fake ECR, whose DescribeImages
/// gives each image the push time <see cref="ComparisonImages.ProviderPushedAt"/> as <c>imagePushedAt</c> and the
/// Node service a <c>lastRecordedPullTime</c>.
/// </summary>
public sealed class EcrWorkbookPair : ProviderWorkbookPair
{
    private RegistryProcess? registry;
    private string password = string.Empty;
    private FakeEcrServer? ecr;

    public override RegistryProvider Kind => RegistryProvider.Ecr;

    /// <summary>ECR records a pull of <see cref="ComparisonImages.Api"/> half a day after its push, no other.</summary>
    public override DateTimeOffset? ProviderLastPulledAt(PushedImage image) =>
        image == Images.Api ? ApiLastPulledAt : null;

    private DateTimeOffset ApiLastPulledAt => Images.ProviderPushedAt(Images.Api).AddHours(12);

    protected override async Task<TestImageBuilder> StartRegistryAsync(CancellationToken cancellationToken)
    {
        (registry, password) = await CloudScanArrange.StartEcrRegistryAsync(cancellationToken);
        return CloudScanArrange.EcrBuilder(registry.BaseAddress, password);
    }

    protected override RegistryOptions GenericOptions()
    {
        var options = ScannerHost.Registry(ComparisonImages.RegistryName, registry!.BaseAddress);
        options.Username = "AWS";
        options.Password = password;
        return options;
    }

    protected override async Task<RegistryOptions> StartProviderAsync(CancellationToken cancellationToken)
    {
        ecr = await CloudScanArrange.StartEcrAsync(registry!.BaseAddress, password, cancellationToken);

        // CloudWatch answers with no pulls, so pulls and egress stay those of the generic scan.
        ecr.MetricPages.Add(("m0", [], []));
        return CloudScanArrange.EcrOptions(ecr, registry.BaseAddress, ComparisonImages.RegistryName);
    }

    protected override void List(ComparisonImages pushed)
    {
        ecr!.Repositories.Clear();
        ecr.Images.Clear();
        foreach (var repository in pushed.Listing().GroupBy(manifest => manifest.Repository))
        {
            ecr.Repositories.Add(repository.Key);
            ecr.Images[repository.Key] = [.. repository.Select(manifest =>
                EcrTestData.Listed(manifest, manifest.Digest == pushed.Api.Digest ? ApiLastPulledAt : null))];
        }

        foreach (var index in pushed.Listing().Where(manifest => manifest.ConfigMediaType is null))
        {
            ecr.Manifests[index.Digest] = (index.MediaType, System.Text.Encoding.UTF8.GetString(index.Body.Span));
        }
    }

    protected override async ValueTask DisposeServicesAsync()
    {
        if (ecr is not null)
        {
            await ecr.DisposeAsync();
        }

        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }
}
