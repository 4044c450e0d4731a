using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>Writes a distribution 2.8 YAML configuration; scalars are JSON-quoted, which YAML accepts.</summary>
public static class RegistryConfigWriter
{
    /// <summary>The configuration text for a registry on 127.0.0.1:<paramref name="port"/>.</summary>
    public static string Write(
        RegistryProcessOptions options,
        int port,
        string storageRoot,
        string? htpasswdPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var yaml = new StringBuilder();
        yaml.AppendLine("version: 0.1");
        yaml.AppendLine("log:");
        yaml.AppendLine($"  level: {Q(options.LogLevel)}");
        yaml.AppendLine("  accesslog:");
        yaml.AppendLine("    disabled: true");
        yaml.AppendLine("storage:");
        yaml.AppendLine("  filesystem:");
        yaml.AppendLine($"    rootdirectory: {Q(storageRoot)}");
        yaml.AppendLine("  delete:");
        yaml.AppendLine($"    enabled: {(options.DeleteEnabled ? "true" : "false")}");
        yaml.AppendLine("  maintenance:");
        yaml.AppendLine("    uploadpurging:");
        yaml.AppendLine("      enabled: false");
        yaml.AppendLine("http:");
        yaml.AppendLine($"  addr: {Q("127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture))}");
        yaml.AppendLine($"  secret: {Q("registryjanitor-test-" + port.ToString(CultureInfo.InvariantCulture))}");
        WriteAuth(yaml, options, htpasswdPath);
        WriteNotifications(yaml, options.Notifications);
        return yaml.ToString();
    }

    private static void WriteAuth(StringBuilder yaml, RegistryProcessOptions options, string? htpasswdPath)
    {
        if (htpasswdPath is not null && options.TokenAuth is not null)
        {
            throw new InvalidOperationException("A registry has one auth method: htpasswd or token, not both.");
        }

        if (htpasswdPath is not null)
        {
            yaml.AppendLine("auth:");
            yaml.AppendLine("  htpasswd:");
            yaml.AppendLine("    realm: \"registryjanitor-test\"");
            yaml.AppendLine($"    path: {Q(htpasswdPath)}");
        }

        if (options.TokenAuth is { } token)
        {
            yaml.AppendLine("auth:");
            yaml.AppendLine("  token:");
            yaml.AppendLine($"    realm: {Q(token.Realm.AbsoluteUri)}");
            yaml.AppendLine($"    service: {Q(token.Service)}");
            yaml.AppendLine($"    issuer: {Q(token.Issuer)}");
            yaml.AppendLine($"    rootcertbundle: {Q(token.RootCertBundlePath)}");
        }
    }

    private static void WriteNotifications(StringBuilder yaml, IReadOnlyList<RegistryNotificationEndpoint> endpoints)
    {
        if (endpoints.Count == 0)
        {
            return;
        }

        yaml.AppendLine("notifications:");
        yaml.AppendLine("  events:");
        yaml.AppendLine("    includereferences: true");
        yaml.AppendLine("  endpoints:");
        foreach (var endpoint in endpoints)
        {
            yaml.AppendLine($"    - name: {Q(endpoint.Name)}");
            yaml.AppendLine($"      url: {Q(endpoint.Url.AbsoluteUri)}");
            yaml.AppendLine($"      timeout: {Q(Duration(endpoint.Timeout ?? TimeSpan.FromSeconds(2)))}");
            yaml.AppendLine($"      threshold: {endpoint.Threshold.ToString(CultureInfo.InvariantCulture)}");
            yaml.AppendLine($"      backoff: {Q(Duration(endpoint.Backoff ?? TimeSpan.FromSeconds(1)))}");
            if (endpoint.Headers is { Count: > 0 } headers)
            {
                yaml.AppendLine("      headers:");
                foreach (var (name, value) in headers)
                {
                    yaml.AppendLine($"        {Q(name)}: [{Q(value)}]");
                }
            }

            WriteList(yaml, "      ignoredmediatypes:", "        - ", endpoint.IgnoredMediaTypes);
            if (endpoint.IgnoredActions is { Count: > 0 })
            {
                yaml.AppendLine("      ignore:");
                WriteList(yaml, "        actions:", "          - ", endpoint.IgnoredActions);
            }
        }
    }

    private static void WriteList(StringBuilder yaml, string header, string prefix, IReadOnlyList<string>? values)
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        yaml.AppendLine(header);
        foreach (var value in values)
        {
            yaml.AppendLine(prefix + Q(value));
        }
    }

    private static string Duration(TimeSpan value)
    {
        return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    private static string Q(string value)
    {
        return JsonSerializer.Serialize(value);
    }
}
