using System.Text;
using RegistryJanitor.Core.Manifests;
using Xunit;

namespace RegistryJanitor.Core.Tests.Manifests;

public sealed class ImageConfigParserTests
{
    [Fact]
    public void Parse_DockerConfig_KeepsEnvNamesOnlyAndEveryFact()
    {
        var json = """
            {"created":"2024-05-01T10:00:00Z","architecture":"arm64","variant":"v8","os":"linux",
             "config":{"User":"1000:1000","Env":["PATH=/usr/bin","DB_PASSWORD=hunter2","EMPTY"],
               "ExposedPorts":{"8080/tcp":{},"53/udp":{}},"Labels":{"team":"payments"},
               "Healthcheck":{"Test":["CMD-SHELL","curl -f http://localhost/"],"Interval":30000000000}},
             "rootfs":{"type":"layers","diff_ids":["sha256:aa","sha256:bb"]},
             "history":[{"created_by":"ADD x /","created":"2024-05-01T09:00:00Z"},
                        {"created_by":"ENV A=1","empty_layer":true}]}
            """;

        var facts = ImageConfigParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), facts.Created);
        Assert.Equal(("linux", "arm64", "v8"), (facts.Os, facts.Architecture, facts.Variant));
        Assert.Equal("1000:1000", facts.User);
        Assert.Equal(["PATH", "DB_PASSWORD", "EMPTY"], facts.EnvNames);
        Assert.Equal(["53/udp", "8080/tcp"], facts.ExposedPorts);
        Assert.Equal("payments", facts.Labels["team"]);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/"], facts.HealthcheckTest);
        Assert.Equal(["sha256:aa", "sha256:bb"], facts.DiffIds);
        Assert.Equal([false, true], facts.History.Select(h => h.EmptyLayer));
        Assert.Equal("ADD x /", facts.History[0].CreatedBy);
    }

    [Fact]
    public void Parse_MinimalConfig_HasNoHealthcheckAndEmptyLists()
    {
        var facts = ImageConfigParser.Parse("{\"os\":\"linux\",\"architecture\":\"amd64\"}"u8.ToArray());

        Assert.Null(facts.HealthcheckTest);
        Assert.Null(facts.User);
        Assert.Empty(facts.EnvNames);
        Assert.Empty(facts.History);
    }
}
