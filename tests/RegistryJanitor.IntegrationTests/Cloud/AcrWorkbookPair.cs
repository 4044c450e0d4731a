using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// The comparison content scanned generically and through the fake ACR, whose listing gives each image the push
/// time <see cref="ComparisonImages.ProviderPushedAt"/> as <c>createdTime</c>.
/// </summary>
public sealed class AcrWorkbookPair : ProviderWorkbookPair
{
    private RegistryProcess? registry;
    private FakeAcrServer? acr;

    public override RegistryProvider Kind => RegistryProvider.Acr;

    protected override async Task<TestImageBuilder> StartRegistryAsync(CancellationToken cancellationToken)
    {
        registry = await RegistryProcess.StartAsync(new RegistryProcessOptions(), cancellationToken);
        return TestImageBuilder.For(registry.BaseAddress);
    }

    protected override RegistryOptions GenericOptions() =>
        ScannerHost.Registry(ComparisonImages.RegistryName, registry!.BaseAddress);

    protected override async Task<RegistryOptions> StartProviderAsync(CancellationToken cancellationToken)
    {
        acr = await CloudScanArrange.StartAcrAsync(registry!.BaseAddress, cancellationToken);
        return CloudScanArrange.AcrOptions(acr, ComparisonImages.RegistryName);
    }

    protected override void List(ComparisonImages pushed)
    {
        acr!.Manifests.Clear();
        foreach (var repository in pushed.Listing().GroupBy(manifest => manifest.Repository))
        {
            acr.Manifests[repository.Key] = [.. repository.Select(AcrTestData.Listed)];
        }
    }

    protected override async ValueTask DisposeServicesAsync()
    {
        if (acr is not null)
        {
            await acr.DisposeAsync();
        }

        if (registry is not null)
        {
            await registry.DisposeAsync();
        }
    }
}
