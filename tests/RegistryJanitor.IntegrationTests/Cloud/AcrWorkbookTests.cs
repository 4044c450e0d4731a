using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>Both workbooks after a scan through the fake ACR against those of a generic scan.</summary>
public sealed class AcrWorkbookTests(AcrWorkbookPair pair)
    : ProviderWorkbookTests<AcrWorkbookPair>(pair), IClassFixture<AcrWorkbookPair>;
