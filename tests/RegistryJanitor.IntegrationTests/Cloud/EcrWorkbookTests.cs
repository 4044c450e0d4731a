using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>Both workbooks after a scan through the fake ECR against those of a generic scan.</summary>
public sealed class EcrWorkbookTests(EcrWorkbookPair pair)
    : ProviderWorkbookTests<EcrWorkbookPair>(pair), IClassFixture<EcrWorkbookPair>;
