using Microsoft.Extensions.Configuration;
using RegistryJanitor.Reports.Retention;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class RetentionOptionsTests
{
    [Fact]
    public void EffectivePolicies_NoneConfigured_DefaultsKeepLastTenAndExpireUntaggedAfterThirtyDays()
    {
        var options = Bind([]);

        var policies = options.EffectivePolicies();

        Assert.Contains(policies, p => p.KeepLastTags == 10 && p.ExpireUntaggedAfter is null);
        Assert.Contains(policies, p => p.KeepLastTags is null && p.ExpireUntaggedAfter == TimeSpan.FromDays(30));
        Assert.Equal(policies.Count, policies.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void EffectivePolicies_OneConfigured_ReplacesTheDefaults()
    {
        var options = Bind(new() { ["Retention:Policies:0:Name"] = "p", ["Retention:Policies:0:KeepLastTags"] = "3" });

        var policy = Assert.Single(options.EffectivePolicies());

        Assert.Equal(3, policy.ToPolicy().KeepLastTags);
    }

    [Fact]
    public void Validate_DuplicateNameAndPolicyWithoutRule_FailsNamingBoth()
    {
        var options = Bind(new()
        {
            ["Retention:Policies:0:Name"] = "same",
            ["Retention:Policies:0:KeepLastTags"] = "1",
            ["Retention:Policies:1:Name"] = "same",
        });

        var result = new RetentionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("sets no rule", StringComparison.Ordinal));
    }

    [Fact]
    public void Describe_KeepLastAndUntaggedAge_NamesBothRules()
    {
        var policy = new RetentionPolicyOptions
        {
            Name = "p", KeepLastTags = 7, ExpireUntaggedAfter = TimeSpan.FromDays(14),
        }.ToPolicy();

        var text = RetentionPolicyDescription.Describe(policy);

        Assert.Equal(
            "Tags: keep the 7 newest per repository, delete the rest. Untagged manifests: delete after 14 days.",
            text);
    }

    private static RetentionOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(RetentionOptions.SectionName).Get<RetentionOptions>() ?? new RetentionOptions();
}
