using System.Text.Json;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// The runtime part of an image config: user, environment, labels, ports, health check and history.
/// Platform, rootfs.diff_ids and created are filled in by the image builder from what it pushes.
/// </summary>
public sealed class ConfigBuilder
{
    private readonly List<string> env = [];
    private readonly SortedDictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly SortedSet<string> exposedPorts = new(StringComparer.Ordinal);
    private readonly List<HistoryEntry> history = [];
    private string? user;
    private string? workingDir;
    private string? author;
    private IReadOnlyList<string>? entrypoint;
    private IReadOnlyList<string>? cmd;
    private HealthcheckSpec? healthcheck;
    private DateTimeOffset created = TarLayerWriter.Epoch;

    /// <summary>The history entries the test wrote (without the ones generated for missing layers).</summary>
    public IReadOnlyList<HistoryEntry> HistoryEntries => history;

    /// <summary>config.User; leave unset for an image that runs as root.</summary>
    public ConfigBuilder User(string value)
    {
        user = value;
        return this;
    }

    /// <summary>Adds a <c>NAME=value</c> entry to config.Env.</summary>
    public ConfigBuilder Env(string nameEqualsValue)
    {
        env.Add(nameEqualsValue);
        return this;
    }

    /// <summary>Sets a config label.</summary>
    public ConfigBuilder Label(string key, string value)
    {
        labels[key] = value;
        return this;
    }

    /// <summary>Adds an exposed port such as <c>8080/tcp</c>.</summary>
    public ConfigBuilder ExposedPort(string port)
    {
        exposedPorts.Add(port);
        return this;
    }

    /// <summary>config.Healthcheck (a Docker extension, written for both formats as builders do).</summary>
    public ConfigBuilder Healthcheck(HealthcheckSpec spec)
    {
        healthcheck = spec;
        return this;
    }

    /// <summary>A CMD-SHELL health check.</summary>
    public ConfigBuilder Healthcheck(string shellCommand, TimeSpan? interval = null, int? retries = null)
    {
        return Healthcheck(new HealthcheckSpec(["CMD-SHELL", shellCommand], interval, null, null, retries));
    }

    public ConfigBuilder Entrypoint(params string[] value)
    {
        entrypoint = value;
        return this;
    }

    public ConfigBuilder Cmd(params string[] value)
    {
        cmd = value;
        return this;
    }

    public ConfigBuilder WorkingDir(string value)
    {
        workingDir = value;
        return this;
    }

    public ConfigBuilder Author(string value)
    {
        author = value;
        return this;
    }

    /// <summary>The config's created time (default 2020-01-01T00:00:00Z, fixed so digests are stable).</summary>
    public ConfigBuilder Created(DateTimeOffset value)
    {
        created = value;
        return this;
    }

    /// <summary>
    /// Adds a history entry. Entries that are not empty layers are matched to the layers in order; when the
    /// test writes none, one <c>COPY layer N</c> entry per layer is generated.
    /// </summary>
    public ConfigBuilder History(string createdBy, bool emptyLayer = false, string? comment = null)
    {
        history.Add(new HistoryEntry(createdBy, emptyLayer, comment));
        return this;
    }

    /// <summary>Writes the config JSON with a deterministic property order.</summary>
    public byte[] Build(ImagePlatform platform, IReadOnlyList<string> diffIds)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(diffIds);
        var entries = CompleteHistory(diffIds.Count);

        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("created", created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            if (author is not null)
            {
                json.WriteString("author", author);
            }

            json.WriteString("architecture", platform.Architecture);
            if (platform.Variant is not null)
            {
                json.WriteString("variant", platform.Variant);
            }

            json.WriteString("os", platform.Os);
            if (platform.OsVersion is not null)
            {
                json.WriteString("os.version", platform.OsVersion);
            }

            json.WritePropertyName("config");
            WriteRuntime(json);
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            diffIds.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
            WriteHistory(json, entries);
            json.WriteEndObject();
        }

        return output.ToArray();
    }

    private List<HistoryEntry> CompleteHistory(int layerCount)
    {
        var withLayers = history.Count(h => !h.EmptyLayer);
        if (withLayers == 0)
        {
            return [.. history, .. Enumerable.Range(1, layerCount).Select(i => new HistoryEntry($"COPY layer {i}"))];
        }

        if (withLayers != layerCount)
        {
            throw new InvalidOperationException(
                $"History names {withLayers} layer steps but the image has {layerCount} layers.");
        }

        return history;
    }

    private void WriteRuntime(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        if (user is not null)
        {
            json.WriteString("User", user);
        }

        if (exposedPorts.Count > 0)
        {
            json.WriteStartObject("ExposedPorts");
            foreach (var port in exposedPorts)
            {
                json.WriteStartObject(port);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        WriteStrings(json, "Env", env.Count > 0 ? env : null);
        WriteStrings(json, "Entrypoint", entrypoint);
        WriteStrings(json, "Cmd", cmd);
        if (workingDir is not null)
        {
            json.WriteString("WorkingDir", workingDir);
        }

        if (labels.Count > 0)
        {
            json.WriteStartObject("Labels");
            foreach (var (key, value) in labels)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        if (healthcheck is not null)
        {
            WriteHealthcheck(json, healthcheck);
        }

        json.WriteEndObject();
    }

    private static void WriteHealthcheck(Utf8JsonWriter json, HealthcheckSpec spec)
    {
        json.WriteStartObject("Healthcheck");
        WriteStrings(json, "Test", spec.Test);
        WriteNanoseconds(json, "Interval", spec.Interval);
        WriteNanoseconds(json, "Timeout", spec.Timeout);
        WriteNanoseconds(json, "StartPeriod", spec.StartPeriod);
        if (spec.Retries is { } retries)
        {
            json.WriteNumber("Retries", retries);
        }

        json.WriteEndObject();
    }

    private static void WriteNanoseconds(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } span)
        {
            json.WriteNumber(name, span.Ticks * 100);
        }
    }

    private void WriteHistory(Utf8JsonWriter json, List<HistoryEntry> entries)
    {
        json.WriteStartArray("history");
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("created", (entry.Created ?? created).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            json.WriteString("created_by", entry.CreatedBy);
            if (entry.Comment is not null)
            {
                json.WriteString("comment", entry.Comment);
            }

            if (entry.EmptyLayer)
            {
                json.WriteBoolean("empty_layer", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
