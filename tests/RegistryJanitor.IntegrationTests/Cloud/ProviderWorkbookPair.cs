using Azure.Core;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// <see cref="ComparisonImages"/> pushed to one real registry, then the whole pipeline run twice into workbooks of
/// their own: once scanning that registry as a generic one, once through a fake cloud provider in front of it.
/// Each side scans twice, before and after a tag moves. Both use the same registry name, so everything that does
/// not depend on the provider must be equal.
/// </summary>
public abstract class ProviderWorkbookPair : IAsyncLifetime
{
    private PipelineWorkbooks? generic;
    private PipelineWorkbooks? provider;
    private ComparisonImages? images;

    public ComparisonImages Images => images ?? throw NotInitialised();

    /// <summary>The workbooks of the generic scan.</summary>
    public PipelineWorkbooks Generic => generic ?? throw NotInitialised();

    /// <summary>The workbooks of the provider scan.</summary>
    public PipelineWorkbooks Provider => provider ?? throw NotInitialised();

    /// <summary>The provider the second run scans through.</summary>
    public abstract RegistryProvider Kind { get; }

    /// <summary>The last pull time the provider listing reports for <paramref name="image"/>, if any.</summary>
    public virtual DateTimeOffset? ProviderLastPulledAt(PushedImage image) => null;

    /// <summary>The storage the fake provider reports as billed for the registry, if it reports any.</summary>
    public virtual long? ProviderBilledStorageBytes => null;

    /// <summary>The Entra ID credential of the provider scan, if the provider needs one.</summary>
    protected virtual TokenCredential? AzureCredential => null;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var builder = await StartRegistryAsync(cancellationToken);
        images = await ComparisonImages.PushAsync(builder, cancellationToken);
        var providerOptions = await StartProviderAsync(cancellationToken);
        List(images);
        generic = await PipelineWorkbooks.CreateAsync(GenericOptions(), null, cancellationToken);
        provider = await PipelineWorkbooks.CreateAsync(providerOptions, AzureCredential, cancellationToken);

        await generic.ScanAsync(cancellationToken);
        await provider.ScanAsync(cancellationToken);

        await images.MoveTagAsync(builder, cancellationToken);
        List(images);
        await generic.ScanAsync(cancellationToken);
        await provider.ScanAsync(cancellationToken);

        await generic.WriteWorkbooksAsync(cancellationToken);
        await provider.WriteWorkbooksAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (generic is not null)
        {
            await generic.DisposeAsync();
        }

        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        await DisposeServicesAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the real registry and returns a builder that can push to it.</summary>
    protected abstract Task<TestImageBuilder> StartRegistryAsync(CancellationToken cancellationToken);

    /// <summary>The real registry as a generic registry named <see cref="ComparisonImages.RegistryName"/>.</summary>
    protected abstract RegistryOptions GenericOptions();

    /// <summary>Starts the fake provider in front of the registry and returns its registry options.</summary>
    protected abstract Task<RegistryOptions> StartProviderAsync(CancellationToken cancellationToken);

    /// <summary>Makes the fake provider list <paramref name="pushed"/> as it is, replacing what it listed.</summary>
    protected abstract void List(ComparisonImages pushed);

    /// <summary>Stops the fake provider and the real registry.</summary>
    protected abstract ValueTask DisposeServicesAsync();

    private static InvalidOperationException NotInitialised() =>
        new("The fixture is used before xunit initialised it.");
}
