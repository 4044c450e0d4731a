namespace RegistryJanitor.Demo;

/// <summary>What one demo image is made of and how its config describes it.</summary>
internal sealed record DemoImage
{
    public required IReadOnlyList<DemoStep> Steps { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>Config <c>User</c>; empty means root.</summary>
    public string User { get; init; } = string.Empty;

    public bool Healthcheck { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Env { get; init; } =
        ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];

    public IReadOnlyList<string> Cmd { get; init; } = ["/bin/sh"];

    public string Architecture { get; init; } = "amd64";

    /// <summary>Docker schema 2 media types instead of OCI ones (what the classic builder pushes).</summary>
    public bool DockerMediaTypes { get; init; }

    public IEnumerable<DemoLayer> Layers => Steps.Where(s => s.Layer is not null).Select(s => s.Layer!);
}
