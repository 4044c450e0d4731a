using Azure.Core;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Registries.Acr;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// The comparison content scanned generically and through the fake ACR, whose listing gives each image the push
/// time <see cref="ComparisonImages.ProviderPushedAt"/> as <c>createdTime</c>. Its Resource Manager reports
/// <see cref="BilledStorage"/> bytes as the registry's billed <c>Size</c> and refuses the pull metrics (403), so
/// pulls and egress stay those of the generic scan.
/// </summary>
public sealed class AcrWorkbookPair : ProviderWorkbookPair
{
    /// <summary>Billed storage that matches no computed figure: a little over 3 GiB.</summary>
    private const long BilledStorage = 3_344_682_261;

    private const string ResourceId =
        "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/comparison";

    private readonly RecordingTokenCredential credential = new(TimeProvider.System);
    private RegistryProcess? registry;
    private FakeAcrServer? acr;

    public override RegistryProvider Kind => RegistryProvider.Acr;

    public override long? ProviderBilledStorageBytes => BilledStorage;

    protected override TokenCredential? AzureCredential => credential;

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
        acr.BilledStorageBytes = BilledStorage;
        acr.MetricsForbidden = true;
        var options = CloudScanArrange.AcrOptions(acr, ComparisonImages.RegistryName);
        options.Settings[AcrSettings.ArmEndpointKey] = acr.BaseUri.ToString();
        options.Settings[AcrSettings.ResourceIdKey] = ResourceId;
        return options;
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
