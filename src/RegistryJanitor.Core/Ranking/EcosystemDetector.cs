using RegistryJanitor.Core.Manifests;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Detects the runtime ecosystem from env names, labels, history steps and package databases.</summary>
public static class EcosystemDetector
{
    private static readonly string[] MlLibraryNames =
        ["torch", "tensorflow", "numpy", "scipy", "pandas", "scikit-learn", "jax", "transformers", "keras"];

    private static readonly (Ecosystem Ecosystem, string[] EnvNames, string[] Words)[] Signals =
    [
        (Ecosystem.Node, ["NODE_VERSION", "YARN_VERSION", "NODE_ENV", "NPM_CONFIG_LOGLEVEL"],
            ["npm ci", "npm install", "yarn install", "pnpm install", "node:"]),
        (Ecosystem.Python, ["PYTHON_VERSION", "PYTHONPATH", "PYTHONUNBUFFERED", "PIP_NO_CACHE_DIR"],
            ["pip install", "pip3 install", "poetry install", "python:", "conda install"]),
        (Ecosystem.Jvm, ["JAVA_HOME", "JAVA_VERSION", "JDK_VERSION", "JAVA_OPTS"],
            ["mvn ", "gradle", ".jar", "openjdk", "temurin"]),
        (Ecosystem.Go, ["GOLANG_VERSION", "GOPATH", "GOTOOLCHAIN"], ["go build", "go mod download", "golang:"]),
        (Ecosystem.DotNet, ["DOTNET_VERSION", "ASPNETCORE_URLS", "ASPNET_VERSION", "DOTNET_RUNNING_IN_CONTAINER"],
            ["dotnet publish", "dotnet restore", "mcr.microsoft.com/dotnet"]),
    ];

    /// <summary>Scores every ecosystem by its signals; the strongest wins, ties resolve to unknown.</summary>
    public static EcosystemDetection Detect(ImageEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var reasons = new Dictionary<Ecosystem, List<string>>();
        var config = evidence.Config;
        if (config is not null)
        {
            ReadConfig(config, reasons);
        }

        var packages = evidence.Analysis?.Packages ?? [];
        foreach (var package in packages)
        {
            var ecosystem = package.Ecosystem switch
            {
                "python" => Ecosystem.Python,
                "npm" => Ecosystem.Node,
                _ when package.Name.StartsWith("openjdk", StringComparison.Ordinal) => Ecosystem.Jvm,
                _ => Ecosystem.Unknown,
            };
            if (ecosystem != Ecosystem.Unknown)
            {
                Add(reasons, ecosystem, $"package database: {package.Ecosystem} {package.Name}");
            }
        }

        if (evidence.Files is { } files)
        {
            ReadFiles(files, reasons);
        }

        var best = reasons.OrderByDescending(pair => pair.Value.Count).ToList();
        var winner = best.Count == 0 || (best.Count > 1 && best[0].Value.Count == best[1].Value.Count)
            ? Ecosystem.Unknown
            : best[0].Key;
        var sitePackages = evidence.Analysis is null
            ? (long?)null
            : packages.Where(package => package.Ecosystem == "python").Sum(package => package.Bytes);
        var ml = FindMlLibraries(evidence);
        var staticGo = winner == Ecosystem.Go
            && ((config?.History ?? []).Any(step =>
                    (step.CreatedBy ?? string.Empty).Contains("CGO_ENABLED=0", StringComparison.Ordinal))
                || evidence.Files?.StaticExecutables.Count > 0);
        var winnerReasons = winner == Ecosystem.Unknown
            ? best.SelectMany(pair => pair.Value).Take(5).ToList()
            : best[0].Value.Take(8).ToList();
        return new EcosystemDetection(winner, winnerReasons, sitePackages, ml, staticGo);
    }

    private static void ReadConfig(ImageConfigFacts config, Dictionary<Ecosystem, List<string>> reasons)
    {
        foreach (var (ecosystem, envNames, words) in Signals)
        {
            foreach (var name in config.EnvNames.Where(name => envNames.Contains(name, StringComparer.Ordinal)))
            {
                Add(reasons, ecosystem, $"env {name}");
            }

            var baseName = config.Labels.GetValueOrDefault(BaseImageAnnotations.BaseName) ?? string.Empty;
            if (words.Any(word => baseName.Contains(word.TrimEnd(':'), StringComparison.OrdinalIgnoreCase)))
            {
                Add(reasons, ecosystem, $"label {BaseImageAnnotations.BaseName}={baseName}");
            }

            for (var step = 0; step < config.History.Count; step++)
            {
                var createdBy = config.History[step].CreatedBy ?? string.Empty;
                var word = words.FirstOrDefault(word => createdBy.Contains(word, StringComparison.OrdinalIgnoreCase));
                if (word is not null)
                {
                    Add(reasons, ecosystem, $"history step {step}: {word.Trim()}");
                }
            }
        }
    }

    private static void ReadFiles(RuntimeFiles files, Dictionary<Ecosystem, List<string>> reasons)
    {
        if (files.NodeModulesBytes > 0)
        {
            Add(reasons, Ecosystem.Node, $"files: node_modules holds {files.NodeModulesBytes} bytes");
        }

        if (files.NodeRuntime)
        {
            Add(reasons, Ecosystem.Node, "files: a node executable");
        }

        if (files.JvmBytes > 0)
        {
            Add(reasons, Ecosystem.Jvm, $"files: {files.JvmBytes} bytes of JVM runtime and jar files");
        }

        if (files.DotNetBytes > 0)
        {
            Add(reasons, Ecosystem.DotNet, $"files: {files.DotNetBytes} bytes of .NET runtime and assemblies");
        }

        if (files.GoToolchain)
        {
            Add(reasons, Ecosystem.Go, "files: a Go toolchain");
        }

        // Without a dynamic loader, an application executable can only be statically linked; in container
        // images that is mostly a Go build, so it counts as one Go signal, never as proof.
        foreach (var path in files.StaticExecutables.Take(1))
        {
            Add(reasons, Ecosystem.Go, $"files: static executable {path} (no dynamic loader in the image)");
        }
    }

    private static List<string> FindMlLibraries(ImageEvidence evidence)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var package in evidence.Analysis?.Packages ?? [])
        {
            var name = package.Name.ToLowerInvariant();
            if (package.Ecosystem == "python" && MlLibraryNames.Contains(name, StringComparer.Ordinal))
            {
                found.Add(name);
            }
        }

        foreach (var step in evidence.Config?.History ?? [])
        {
            var createdBy = step.CreatedBy ?? string.Empty;
            if (!createdBy.Contains("pip", StringComparison.Ordinal)
                && !createdBy.Contains("conda", StringComparison.Ordinal))
            {
                continue;
            }

            var words = createdBy.Split([' ', '\t', '=', '<', '>', '\\', '\n'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in words)
            {
                var name = word.ToLowerInvariant();
                if (MlLibraryNames.Contains(name, StringComparer.Ordinal))
                {
                    found.Add(name);
                }
            }
        }

        return [.. found];
    }

    private static void Add(Dictionary<Ecosystem, List<string>> reasons, Ecosystem ecosystem, string reason)
    {
        if (!reasons.TryGetValue(ecosystem, out var list))
        {
            list = [];
            reasons[ecosystem] = list;
        }

        list.Add(reason);
    }
}
