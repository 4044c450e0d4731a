using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using RegistryJanitor.Registries.Auth;
using RegistryJanitor.Registries.Http;

namespace RegistryJanitor.Registries.Oci;

/// <summary>Sending, auth retries, pagination and capped reads.</summary>
internal sealed partial class OciRegistryClient
{
    private const int MaxAuthRounds = 3;
    private const int MaxErrorBodyBytes = 16 * 1024;

    private Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, string scope, string? accept, CancellationToken cancellationToken) =>
        SendAsync(method, uri, scope, accept, null, cancellationToken);

    /// <summary>Sends a request with the known credentials; on 401 answers the challenge and sends it again.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, string scope, string? accept, string? ifNoneMatch,
        CancellationToken cancellationToken)
    {
        for (var round = 1; ; round++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            if (ifNoneMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            }

            if (authenticator is not null)
            {
                await authenticator.ApplyAsync(request, scope, cancellationToken);
            }

            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            LogWarnings(response);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            if (authenticator is null)
            {
                response.Dispose();
                throw new RegistryAuthenticationException(
                    $"Registry '{RegistryName}' refused the provider's credentials for '{scope}' (401).");
            }

            var challenges = WwwAuthenticateParser.Parse(
                response.Headers.WwwAuthenticate.Select(h => h.ToString()));
            response.Dispose();
            if (round >= MaxAuthRounds)
            {
                throw new RegistryAuthenticationException(
                    $"Registry '{RegistryName}' keeps answering 401 for '{scope}'.");
            }

            await authenticator.HandleChallengeAsync(challenges, scope, round, cancellationToken);
        }
    }

    private void LogWarnings(HttpResponseMessage response)
    {
        foreach (var warning in response.Headers.Warning)
        {
            Log.RegistryWarning(logger, RegistryName, warning.Text);
        }
    }

    /// <summary>Follows <c>Link: rel="next"</c> pages; a page seen twice, or adding nothing, is a loop.</summary>
    private async IAsyncEnumerable<string> PageAsync(
        Uri first,
        string scope,
        Func<byte[], List<string>?> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Uri? next = first;
        while (next is not null)
        {
            if (!visited.Add(next.AbsoluteUri))
            {
                throw PaginationLoop(next);
            }

            byte[] body;
            Uri? following;
            using (var response = await SendAsync(HttpMethod.Get, next, scope, "application/json", cancellationToken))
            {
                await EnsureSuccessAsync(response, next.AbsolutePath, cancellationToken);
                body = await ReadCappedAsync(response, 64L * 1024 * 1024, next.AbsolutePath, cancellationToken);
                following = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Next(links, next) : null;
            }

            List<string>? items;
            try
            {
                items = read(body);
            }
            catch (JsonException exception)
            {
                throw new RegistryClientException($"The listing {next.AbsolutePath} is not valid JSON.", exception);
            }

            var added = 0;
            foreach (var item in items ?? [])
            {
                if (seen.Add(item))
                {
                    added++;
                    yield return item;
                }
            }

            if (following is not null && added == 0 && (items?.Count ?? 0) > 0)
            {
                throw PaginationLoop(following);
            }

            next = following;
        }
    }

    private RegistryClientException PaginationLoop(Uri uri) =>
        new($"Registry '{RegistryName}': the pagination of {uri.AbsolutePath} loops back to a page already read.",
            null, "PAGINATION_LOOP");

    private static async Task<byte[]> ReadCappedAsync(
        HttpResponseMessage response, long maxBytes, string what, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new RegistryClientException(
                $"{what} is {declared} bytes, over the cap of {maxBytes} bytes.", null, "SIZE_CAP");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream(declared is > 0 ? (int)declared.Value : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new RegistryClientException(
                    $"{what} is over the cap of {maxBytes} bytes.", null, "SIZE_CAP");
            }

            buffer.Write(chunk, 0, read);
        }

        if (declared is not null && buffer.Length != declared)
        {
            throw new HttpIOException(
                HttpRequestError.ResponseEnded, $"{what}: got {buffer.Length} of {declared} bytes.");
        }

        return buffer.ToArray();
    }

    private async Task EnsureSuccessAsync(
        HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? code = null;
        string? message = null;
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            try
            {
                var body = await ReadCappedAsync(response, MaxErrorBodyBytes, what, cancellationToken);
                var errors = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.RegistryErrorBody);
                code = errors?.Errors?.FirstOrDefault()?.Code;
                message = errors?.Errors?.FirstOrDefault()?.Message;
            }
            catch (Exception exception) when (exception is JsonException or RegistryClientException or IOException)
            {
                code = null;
            }
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthenticationException(
                $"Registry '{RegistryName}' denied access to {what} "
                + $"(403{(code is null ? string.Empty : " " + code)}).");
        }

        var detail = code is null ? string.Empty : $" {code}" + (message is null ? string.Empty : $": {Clip(message)}");
        throw new RegistryClientException(
            $"Registry '{RegistryName}' answered {status} for {what}.{detail}", response.StatusCode, code);
    }

    private static string Clip(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
