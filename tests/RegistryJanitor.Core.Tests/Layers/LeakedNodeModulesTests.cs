using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Manifests;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class LeakedNodeModulesTests
{
    private const string Base = "RUN apt-get update && apt-get install -y nodejs";

    private static readonly string[] ModuleFiles =
    [
        "app/node_modules/express/package.json", "app/node_modules/express/index.js",
        "app/node_modules/express/node_modules/debug/index.js", "app/node_modules/@types/node/index.d.ts",
        "app/node_modules/.bin/tsc",
    ];

    [Theory]
    [InlineData("COPY . /app # buildkit")]
    [InlineData("COPY --chown=node:node . . # buildkit")]
    [InlineData("ADD . /app")]
    [InlineData("/bin/sh -c #(nop) COPY dir:3a1f7c0e9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a in /app ")]
    public void Analyze_NodeModulesCopiedWithTheSourceTree_CountsAsLeakedContext(string copyStep)
    {
        var node = BaseLayer();
        var context = SourceFiles(new LayerBuilder());
        foreach (var path in ModuleFiles)
        {
            context.File(path, 700 + path.Length);
        }

        var analysis = Analyze([node, context], [Base, copyStep]);

        var leaked = Assert.Single(
            analysis.Categories, total => total.Category == DeadWeightCategory.LeakedBuildContext);
        Assert.Equal(ModuleFiles.Sum(path => context.Files[path]), leaked.Bytes);
        Assert.Equal(ModuleFiles.Length, leaked.FileCount);
        Assert.All(leaked.Examples, path => Assert.Contains(path, ModuleFiles));
    }

    [Fact]
    public void Analyze_ContextCopyOverInstalledModules_CountsTheCopyAndHidesTheInstall()
    {
        var manifests = new LayerBuilder().File("app/package.json", 300).File("app/package-lock.json", 900);
        var installed = new LayerBuilder();
        var context = SourceFiles(new LayerBuilder());
        foreach (var path in ModuleFiles)
        {
            installed.File(path, 500 + path.Length);
            context.File(path, 800 + path.Length);
        }

        var analysis = Analyze(
            [BaseLayer(), manifests, installed, context],
            [Base, "COPY package.json package-lock.json ./ # buildkit", "RUN npm ci # buildkit",
                "COPY . . # buildkit"]);

        var leaked = Assert.Single(
            analysis.Categories, total => total.Category == DeadWeightCategory.LeakedBuildContext);
        Assert.Equal(ModuleFiles.Sum(path => context.Files[path]), leaked.Bytes);
        Assert.Equal(ModuleFiles.Length, leaked.FileCount);
        var hidden = ModuleFiles.Sum(path => installed.Files[path])
            + manifests.Files["app/package.json"];
        Assert.Equal(hidden, analysis.HiddenBytes);
    }

    [Theory]
    [InlineData("RUN npm ci --omit=dev # buildkit")]
    [InlineData("RUN yarn install --frozen-lockfile")]
    [InlineData("/bin/sh -c pnpm install --prod")]
    [InlineData("COPY /build/app/node_modules ./node_modules # buildkit")]
    [InlineData("/bin/sh -c #(nop) COPY --from=build dir:9e8d7c6b5a4f3e2d1c0b in /app/node_modules ")]
    [InlineData("COPY /build/app /app # buildkit")]
    [InlineData("ADD git@github.com:example/app.git /app # buildkit")]
    [InlineData("ADD https://github.com/example/app.git#main /app # buildkit")]
    public void Analyze_NodeModulesInstalledOrFromElsewhere_IsNotDeadWeight(string moduleStep)
    {
        var manifests = SourceFiles(new LayerBuilder());
        var modules = new LayerBuilder().File("app/dist/server.js", 2100);
        foreach (var path in ModuleFiles)
        {
            modules.File(path, 600 + path.Length);
        }

        var analysis = Analyze([BaseLayer(), manifests, modules], [Base, "COPY . . # buildkit", moduleStep]);

        Assert.DoesNotContain(analysis.Categories, total => total.Category == DeadWeightCategory.LeakedBuildContext);
        Assert.Equal(
            modules.Files.Values.Sum() + manifests.Files.Values.Sum() + BaseLayer().Files.Values.Sum(),
            analysis.VisibleBytes);
    }

    [Theory]
    [InlineData("COPY . / # buildkit")]
    [InlineData("COPY node_modules ./app/node_modules # buildkit")]
    public void Analyze_NodeModulesInAContextCopyWithoutSourcesBesideThem_IsNotDeadWeight(string copyStep)
    {
        var copy = new LayerBuilder().File("srv/web/server.js", 400);
        foreach (var path in ModuleFiles)
        {
            copy.File(path, 600 + path.Length);
        }

        var analysis = Analyze([BaseLayer(), copy], [Base, copyStep]);

        Assert.DoesNotContain(analysis.Categories, total => total.Category == DeadWeightCategory.LeakedBuildContext);
    }

    [Fact]
    public void Analyze_HistoryThatDoesNotMatchTheLayers_LeavesNodeModulesAlone()
    {
        var context = SourceFiles(new LayerBuilder());
        foreach (var path in ModuleFiles)
        {
            context.File(path, 650);
        }

        var history = new List<HistoryEntry>
        {
            new(null, "COPY . /app # buildkit", null, false),
            new(null, "CMD [\"node\", \"server.js\"]", null, true),
        };

        var steps = LayerSteps.FromHistory(history, 2);
        var analysis = Analyze([BaseLayer(), context], steps);

        Assert.Empty(steps);
        Assert.DoesNotContain(analysis.Categories, total => total.Category == DeadWeightCategory.LeakedBuildContext);
    }

    [Theory]
    [InlineData("COPY . . # buildkit", true)]
    [InlineData("COPY --parents --chown=1000:1000 --chmod=755 src package.json /app/ # buildkit", true)]
    [InlineData("/bin/sh -c #(nop) ADD file:4b03a8d1c2e3f4a5b6c7d8e9f0a1b2c3 in / ", true)]
    [InlineData("COPY /out/app /app # buildkit", false)]
    [InlineData("/bin/sh -c #(nop) COPY --from=0 dir:4b03a8d1c2e3 in /app ", false)]
    [InlineData("ADD https://example.com/app.tar.gz /app # buildkit", false)]
    [InlineData("ADD git@github.com:example/app.git /app # buildkit", false)]
    [InlineData("RUN cp -r . /app # buildkit", false)]
    [InlineData("COPY", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsContextCopy_HistoryText_RecognisesCopiesFromTheBuildContext(string? createdBy, bool expected)
    {
        Assert.Equal(expected, BuildStep.IsContextCopy(createdBy));
    }

    [Fact]
    public void FromHistory_EmptyLayerSteps_PairsTheOthersWithTheLayersInOrder()
    {
        var history = new List<HistoryEntry>
        {
            new(null, Base, null, false),
            new(null, "WORKDIR /app", null, true),
            new(null, "COPY . . # buildkit", null, false),
            new(null, "CMD [\"node\", \"server.js\"]", null, true),
        };

        var steps = LayerSteps.FromHistory(history, 2);

        Assert.Equal([Base, "COPY . . # buildkit"], steps);
    }

    private static LayerBuilder BaseLayer() => new LayerBuilder().File("usr/bin/node", 5000);

    private static LayerBuilder SourceFiles(LayerBuilder layer) =>
        layer.File("app/package.json", 310).File("app/server.js", 1200).File("app/lib/routes.js", 800);

    private static ImageAnalysis Analyze(LayerBuilder[] layers, IReadOnlyList<string?> steps) =>
        ImageAnalyzer.Analyze([.. layers.Select(LayerReading.ReadGzip)], steps);
}
