using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RegistryJanitor.Events;

namespace RegistryJanitor.IntegrationTests.Costs;

/// <summary>A web host on a free loopback port that runs only the registry events receiver.</summary>
internal sealed class EventsReceiverHost : IAsyncDisposable
{
    public const string Token = "Bearer test-events-token";

    private readonly WebApplication application;

    private EventsReceiverHost(WebApplication application, Uri baseAddress)
    {
        this.application = application;
        BaseAddress = baseAddress;
    }

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the receiver with <see cref="Token"/>, or with the given configuration instead.</summary>
    public static async Task<EventsReceiverHost> StartAsync(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>
        {
            ["RegistryEvents:Enabled"] = "true",
            ["RegistryEvents:Authorization"] = Token,
        });
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddRegistryEvents(builder.Configuration);
        var application = builder.Build();
        application.MapRegistryEvents();
        await application.StartAsync(cancellationToken);

        var address = application.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new EventsReceiverHost(application, new Uri(address));
    }

    public Uri EndpointFor(string registry) => new(BaseAddress, "/registry-events/" + registry);

    public async ValueTask DisposeAsync()
    {
        await application.StopAsync(CancellationToken.None);
        await application.DisposeAsync();
    }
}
