namespace RegistryJanitor.Core.Ranking;

/// <summary>The base image a recommendation moves to and its configured reference size.</summary>
/// <param name="Name">A readable name, e.g. <c>gcr.io/distroless/nodejs22-debian12</c>.</param>
/// <param name="Bytes">Reference compressed size from <see cref="RankingOptions"/>.</param>
public sealed record BaseReference(string Name, long Bytes)
{
    /// <summary>The recommended target base for an ecosystem and matrix row.</summary>
    public static BaseReference For(EcosystemDetection ecosystem, ScenarioRow row, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(options);
        return ecosystem.Ecosystem switch
        {
            Ecosystem.Node => new("gcr.io/distroless/nodejs22-debian12", options.DistrolessNodeBytes),
            Ecosystem.Go when ecosystem.StaticGoBinary =>
                new("gcr.io/distroless/static-debian12", options.DistrolessStaticBytes),
            Ecosystem.Go => new("gcr.io/distroless/base-debian12", options.DistrolessBaseBytes),
            Ecosystem.Jvm => new("gcr.io/distroless/java21-debian12", options.DistrolessJavaBytes),
            Ecosystem.DotNet => new("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", options.ChiseledDotNetBytes),
            Ecosystem.Python => new("python:3.12-slim-bookworm", options.PythonSlimBytes),
            _ when row == ScenarioRow.LegacyMonolith => new("alpine:3.20", options.AlpineBytes),
            _ => new("gcr.io/distroless/base-debian12", options.DistrolessBaseBytes),
        };
    }
}
