using RegistryJanitor.Endpoints;
using RegistryJanitor.Jobs;

namespace RegistryJanitor.Commands;

/// <summary>
/// <c>run</c>: the service. Serves the HTTP endpoints, applies migrations and runs the clustered scheduler until
/// SIGTERM, then stops taking work, lets running jobs finish within the grace period and exits 0.
/// </summary>
internal sealed class RunCommand : ICommand
{
    public const string CommandName = "run";

    private readonly IEnumerable<IEndpointRegistration> _endpoints;
    private readonly SchedulerState _scheduler;

    public RunCommand(IEnumerable<IEndpointRegistration> endpoints, SchedulerState scheduler)
    {
        _endpoints = endpoints;
        _scheduler = scheduler;
    }

    public string Name => CommandName;

    public string Summary => "run the service: scheduled jobs, /health/live, /health/ready and /metrics";

    public string Usage => string.Empty;

    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await context.RejectArgumentsAsync(Name))
        {
            return ExitCodes.ConfigurationError;
        }

        foreach (var registration in _endpoints)
        {
            registration.MapEndpoints(context.Application);
        }

        try
        {
            await HostingAbstractionsHostExtensions.RunAsync(context.Application, cancellationToken);
        }
        catch (IOException exception)
        {
            // Kestrel could not bind (port taken, address not local): nothing else went wrong yet.
            await context.Error.WriteLineAsync($"cannot listen on Service:Urls: {exception.Message}");
            return ExitCodes.Failure;
        }

        if (_scheduler.FatalError is { } fatal)
        {
            await context.Error.WriteLineAsync($"run stopped: {fatal.Message}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }
}
