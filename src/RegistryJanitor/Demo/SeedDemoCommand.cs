using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using RegistryJanitor.Commands;
using RegistryJanitor.Options;

namespace RegistryJanitor.Demo;

/// <summary>
/// <c>seed-demo [--registry-url URL] [--files DIR] [--force]</c>: pushes the demo repositories
/// (<see cref="DemoSeeder"/>) into a registry — the given URL or the first configured registry. Refuses a registry
/// holding repositories it did not create unless <c>--force</c>. Seeds in two passes, a scan between them: the
/// first pushes everything, the second moves one tag so the scan can record an untagged manifest. After both it
/// does nothing.
/// </summary>
internal sealed class SeedDemoCommand(
    IHttpClientFactory httpClients, IOptions<RegistriesOptions> registries, TimeProvider time,
    ILogger<SeedDemoCommand> logger) : ICommand
{
    public const string HttpClientName = "demo-seeder";

    public string Name => "seed-demo";

    public string Summary => "push demo images that exercise every scenario and finding into a registry";

    public string Usage => "[--registry-url URL] [--files DIR] [--force]";

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var configured = registries.Value.Registries.FirstOrDefault();
        var urlText = CommandOptions.Value(args, "--registry-url") ?? configured?.Url?.ToString();
        if (urlText is null || !Uri.TryCreate(urlText, UriKind.Absolute, out var url))
        {
            await context.Error.WriteLineAsync(
                "seed-demo: no registry: give --registry-url URL or configure Registries:0:Url");
            return ExitCodes.ConfigurationError;
        }

        var files = CommandOptions.Value(args, "--files");
        if (files is not null && !Directory.Exists(files))
        {
            await context.Error.WriteLineAsync($"seed-demo: --files {files}: no such folder");
            return ExitCodes.ConfigurationError;
        }

        var sameAsConfigured = configured?.Url is not null && configured.Url == url;
        var pusher = new OciPusher(httpClients.CreateClient(HttpClientName), url,
            sameAsConfigured ? configured!.Username : null, sameAsConfigured ? configured!.Password : null);
        try
        {
            return await SeedAsync(pusher, url, files, args.Contains("--force"), context.Output, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            Log.DemoFailed(logger, url.GetLeftPart(UriPartial.Authority), exception);
            await context.Error.WriteLineAsync(
                $"seed-demo: {url.GetLeftPart(UriPartial.Authority)}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> SeedAsync(
        OciPusher pusher, Uri url, string? files, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        var registry = url.GetLeftPart(UriPartial.Authority);
        var existing = await pusher.ListRepositoriesAsync(cancellationToken);
        var foreign = existing.Where(r => !DemoSeeder.Repositories.Contains(r, StringComparer.Ordinal)).ToList();
        if (foreign.Count > 0 && !force)
        {
            Log.DemoRefused(logger, registry, foreign.Count);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seed-demo: {registry} already holds {foreign.Count} repositories the demo did not create "
                + $"(e.g. {foreign[0]}); not seeding. Use --force to seed it anyway."));
            return ExitCodes.Failure;
        }

        var firstPassDone = existing.Count > 0 && DemoSeeder.Repositories.All(existing.Contains);
        if (firstPassDone && await pusher.ManifestExistsAsync(
                DemoSeeder.CompletionRepository, DemoSeeder.CompletionTag, cancellationToken) && !force)
        {
            Log.DemoAlreadySeeded(logger, registry);
            await output.WriteLineAsync($"seed-demo: {registry} already holds the demo repositories; nothing to do.");
            return ExitCodes.Success;
        }

        var started = Stopwatch.GetTimestamp();
        var source = new DemoFileSource(files);
        await output.WriteLineAsync($"seed-demo: building demo layers from {files ?? "generated stand-in files"}");
        var layers = new DemoLayers(source);
        var standIns = source.StandIns.ToList();
        if (standIns.Count > 0)
        {
            await output.WriteLineAsync(
                $"seed-demo: stand-ins for packages not in the files folder: {string.Join(", ", standIns)}");
        }

        var seeder = new DemoSeeder(new DemoImageWriter(pusher), time, output);
        int manifests;
        if (firstPassDone && !force)
        {
            await output.WriteLineAsync(
                $"seed-demo: second pass: {DemoSeeder.CheckoutApi}:{DemoSeeder.RebuiltTag} is rebuilt and pushed "
                + "again; "
                + "the first build stays in the registry untagged (the next scan records it)");
            manifests = await seeder.RebuildAsync(layers, cancellationToken);
        }
        else
        {
            await output.WriteLineAsync(
                $"seed-demo: pushing {DemoSeeder.Repositories.Count} repositories to {registry}");
            manifests = await seeder.SeedAsync(layers, cancellationToken);
            await output.WriteLineAsync(
                "seed-demo: first pass done; scan, then run seed-demo again for the second pass (a moved tag)");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Log.DemoSeeded(logger, registry, manifests, pusher.BlobsUploaded, pusher.BytesUploaded,
            (long)elapsed.TotalMilliseconds);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"seed-demo: {manifests} manifests in {DemoSeeder.Repositories.Count} repositories, "
            + $"{pusher.BlobsUploaded} blobs uploaded ({pusher.BytesUploaded / 1048576.0:F1} MiB) "
            + $"in {elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Success;
    }
}
