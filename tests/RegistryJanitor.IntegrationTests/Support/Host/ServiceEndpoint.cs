using System.Net;

namespace RegistryJanitor.IntegrationTests.Support.Host;

/// <summary>HTTP access to a <c>run</c> process started by a test, on a loopback port of its own.</summary>
public sealed class ServiceEndpoint : IDisposable
{
    private readonly HttpClient _client;

    public ServiceEndpoint(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        _client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The value to give the process as <c>Service__Urls</c>.</summary>
    public string Url { get; }

    /// <summary>The status code of GET <paramref name="path"/>, or null while nothing answers.</summary>
    public async Task<HttpStatusCode?> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(path, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Status and body of GET <paramref name="path"/>, also when the status is an error.</summary>
    public async Task<ServiceResponse> GetResponseAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ServiceResponse(response.StatusCode, body);
    }

    /// <summary>The body of GET <paramref name="path"/>.</summary>
    public async Task<string> GetStringAsync(string path, CancellationToken cancellationToken) =>
        await _client.GetStringAsync(path, cancellationToken);

    public void Dispose() => _client.Dispose();
}
