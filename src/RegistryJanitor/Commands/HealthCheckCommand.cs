using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RegistryJanitor.Endpoints;
using RegistryJanitor.Options;

namespace RegistryJanitor.Commands;

/// <summary>
/// <c>healthcheck</c>: calls the service's <c>/health/ready</c> and exits 0 when it answers 200, 1 otherwise — for
/// a container <c>HEALTHCHECK</c>, where no curl may exist.
/// </summary>
internal sealed partial class HealthCheckCommand : ICommand
{
    private readonly ServiceOptions _options;

    public HealthCheckCommand(IOptions<ServiceOptions> options)
    {
        _options = options.Value;
    }

    public string Name => "healthcheck";

    public string Summary => "exit 0 when the running service reports ready, 1 otherwise";

    public string Usage => string.Empty;

    /// <summary>
    /// The URL probed: <c>Service:HealthCheckUrl</c>, or <c>/health/ready</c> on the first service URL.
    /// </summary>
    public static Uri ResolveUrl(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HealthCheckUrl is not null)
        {
            return options.HealthCheckUrl;
        }

        var first = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var local = WildcardHost().Replace(first, "${scheme}://127.0.0.1");
        return new Uri(new Uri(local), HealthEndpoints.ReadyPath);
    }

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.RejectArgumentsAsync(Name))
        {
            return ExitCodes.ConfigurationError;
        }

        var url = ResolveUrl(_options);
        using var client = new HttpClient { Timeout = _options.HealthCheckTimeout };
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                await context.Output.WriteLineAsync($"ready ({url})");
                return ExitCodes.Success;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            await context.Error.WriteLineAsync(
                $"not ready: HTTP {(int)response.StatusCode} from {url}: {body.ReplaceLineEndings(" ").Trim()}");
            return ExitCodes.Failure;
        }
        catch (HttpRequestException exception)
        {
            await context.Error.WriteLineAsync($"not ready: {url}: {exception.Message}");
            return ExitCodes.Failure;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"not ready: {url} did not answer within {_options.HealthCheckTimeout}");
            return ExitCodes.Failure;
        }
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex WildcardHost();
}
