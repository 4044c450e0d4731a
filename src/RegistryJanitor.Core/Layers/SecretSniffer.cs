using System.Text;

namespace RegistryJanitor.Core.Layers;

/// <summary>Recognises secret-like files from their name and a capped prefix of their content.</summary>
/// <remarks>
/// Only the verdict leaves this class: the prefix is read into a caller-owned buffer, inspected and dropped.
/// Names alone decide candidacy so that the reader opens very few files; content then separates a real
/// credential from an empty template (a <c>.env</c> with blank values, an <c>.npmrc</c> without a token).
/// Files called <c>.env.example</c>, <c>.env.sample</c>, <c>.env.template</c> or <c>.env.dist</c> are treated as
/// templates and not opened.
/// </remarks>
public static class SecretSniffer
{
    /// <summary>How many leading bytes of a candidate are inspected.</summary>
    public const int PrefixBytes = 16 * 1024;

    /// <summary>Candidates larger than this are not secrets in practice (key files are a few KiB).</summary>
    public const long MaxCandidateSize = 1024 * 1024;

    private static readonly string[] EnvCredentialWords =
        ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL"];

    /// <summary>True when the file's content should be inspected.</summary>
    public static bool IsCandidate(string path, long size)
    {
        ArgumentNullException.ThrowIfNull(path);
        return size > 0 && size <= MaxCandidateSize && Candidate(path) != Candidacy.None;
    }

    /// <summary>The kind of credential in a candidate, judged from the first bytes of its content.</summary>
    public static SecretKind Inspect(string path, ReadOnlySpan<byte> prefix)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Candidate(path) switch
        {
            Candidacy.KeyFile => Contains(prefix, "PRIVATE KEY-----"u8) || Contains(prefix, "PuTTY-User-Key-File"u8)
                ? SecretKind.PrivateKey
                : SecretKind.None,
            Candidacy.DotEnv => HasEnvCredential(prefix) ? SecretKind.DotEnvCredentials : SecretKind.None,
            Candidacy.Npmrc => Contains(prefix, "_authToken"u8) || Contains(prefix, "_auth"u8)
                || Contains(prefix, "_password"u8) ? SecretKind.NpmrcToken : SecretKind.None,
            Candidacy.Aws => Contains(prefix, "aws_secret_access_key"u8) ? SecretKind.AwsCredentials : SecretKind.None,
            Candidacy.GcpJson => Contains(prefix, "\"service_account\""u8) && Contains(prefix, "\"private_key\""u8)
                || Contains(prefix, "\"refresh_token\""u8) ? SecretKind.GcpServiceAccountKey : SecretKind.None,
            Candidacy.Azure => SecretKind.AzureTokenCache,
            Candidacy.DockerConfig => Contains(prefix, "\"auth\""u8) || Contains(prefix, "\"identitytoken\""u8)
                ? SecretKind.DockerConfigAuth : SecretKind.None,
            Candidacy.Password => Contains(prefix, "password"u8) || Contains(prefix, "@"u8) || Contains(prefix, ":"u8)
                ? SecretKind.StoredPassword : SecretKind.None,
            _ => SecretKind.None,
        };
    }

    private static Candidacy Candidate(string path)
    {
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        if (name is "id_rsa" or "id_dsa" or "id_ecdsa" or "id_ed25519"
            || name.EndsWith(".pem", StringComparison.Ordinal) || name.EndsWith(".key", StringComparison.Ordinal)
            || name.EndsWith(".ppk", StringComparison.Ordinal))
        {
            return Candidacy.KeyFile;
        }

        if (name is ".env" || (name.StartsWith(".env.", StringComparison.Ordinal)
            && name is not (".env.example" or ".env.sample" or ".env.template" or ".env.dist")))
        {
            return Candidacy.DotEnv;
        }

        return name switch
        {
            ".npmrc" => Candidacy.Npmrc,
            ".git-credentials" or ".netrc" or ".pgpass" => Candidacy.Password,
            "credentials" when path.EndsWith(".aws/credentials", StringComparison.Ordinal) => Candidacy.Aws,
            "config.json" when path.EndsWith(".docker/config.json", StringComparison.Ordinal)
                => Candidacy.DockerConfig,
            "accessTokens.json" or "msal_token_cache.json" or "msal_token_cache.bin"
                when path.Contains(".azure/", StringComparison.Ordinal) => Candidacy.Azure,
            _ when name.EndsWith(".json", StringComparison.Ordinal) && (path.Contains(".config/gcloud/",
                    StringComparison.Ordinal) || name.Contains("credential", StringComparison.OrdinalIgnoreCase)
                || name.Contains("service-account", StringComparison.OrdinalIgnoreCase)
                || name.Contains("service_account", StringComparison.OrdinalIgnoreCase)) => Candidacy.GcpJson,
            _ => Candidacy.None,
        };
    }

    private static bool HasEnvCredential(ReadOnlySpan<byte> prefix)
    {
        var text = Encoding.UTF8.GetString(prefix);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Replace("export ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            var value = line[(equals + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0 && EnvCredentialWords.Any(word => key.Contains(word, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) =>
        haystack.IndexOf(needle) >= 0;

    private enum Candidacy
    {
        None,
        KeyFile,
        DotEnv,
        Npmrc,
        Aws,
        GcpJson,
        Azure,
        DockerConfig,
        Password,
    }
}
