using RegistryJanitor.Core.Costs;
using Xunit;

namespace RegistryJanitor.Core.Tests.Costs;

public sealed class TeamAllocatorTests
{
    private static TeamAllocator CreateAllocator()
    {
        var options = new TeamAllocationOptions { LabelKey = "org.example.team" };
        options.PrefixRules.Add(new TeamPrefixRule { Prefix = "payments/", Team = "payments" });
        options.PrefixRules.Add(new TeamPrefixRule { Prefix = "payments/fraud/", Team = "risk" });
        return new TeamAllocator(options);
    }

    [Fact]
    public void Allocate_LabelPresent_LabelWinsOverPrefix()
    {
        var allocator = CreateAllocator();
        var labels = new Dictionary<string, string> { ["org.example.team"] = " search " };

        var allocation = allocator.Allocate("payments/api", labels);

        Assert.Equal("search", allocation.Team);
        Assert.Equal(AllocationBasis.Label, allocation.Basis);
    }

    [Fact]
    public void Allocate_TwoPrefixesMatch_LongestPrefixWins()
    {
        var allocator = CreateAllocator();

        var allocation = allocator.Allocate("payments/fraud/scorer", new Dictionary<string, string>());

        Assert.Equal("risk", allocation.Team);
        Assert.Equal("payments/fraud/", allocation.Rule);
    }

    [Fact]
    public void Allocate_NothingMatches_IsUnallocatedNotDropped()
    {
        var allocator = CreateAllocator();
        var labels = new Dictionary<string, string> { ["org.example.team"] = "  " };
        string[] repositories = ["tools/ci", "payments-legacy"];

        var allocations = repositories.Select(r => allocator.Allocate(r, labels)).ToList();

        Assert.Equal(2, allocations.Count);
        Assert.All(allocations, a => Assert.Equal("unallocated", a.Team));
        Assert.All(allocations, a => Assert.Equal(AllocationBasis.Unallocated, a.Basis));
    }
}
