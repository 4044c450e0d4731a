using Amazon.Runtime;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>The cloud providers wired through <c>AddCloudProviders</c>, with test clock and credentials.</summary>
public static class CloudTestServices
{
    public static readonly ImmutableCredentials AwsCredentials = new("AKIDTESTEXAMPLE", "test-secret-key", null);

    public static ServiceProvider Build(TimeProvider clock, TokenCredential? azureCredential = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSingleton<IAwsCredentialSource>(new StaticAwsCredentialSource(AwsCredentials));
        if (azureCredential is not null)
        {
            services.AddSingleton(azureCredential);
        }

        services.AddCloudProviders(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }
}
