using RegistryJanitor.Logging;
using RegistryJanitor.Options;

namespace RegistryJanitor.Commands;

/// <summary>
/// The executable's entry: reads the command line and configuration, builds the host with every feature's services,
/// validates the options, and runs the chosen <see cref="ICommand"/>.
/// </summary>
public static class CommandLineApplication
{
    /// <summary>Runs one command and returns the process exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="addFeatures">Registers every feature's services, commands, jobs and endpoints.</param>
    public static async Task<int> RunAsync(string[] args, Action<IServiceCollection, IConfiguration> addFeatures)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(addFeatures);

        CommandLine line;
        WebApplication application;
        try
        {
            line = CommandLine.Parse(args);
            application = Build(line, addFeatures);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync($"usage error: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (ConfigurationErrorException exception)
        {
            return await ReportConfigurationErrorsAsync([exception.Message]);
        }
        catch (Exception exception) when (StartupValidation.TryDescribe(exception, out var failures))
        {
            // Some options are read while the host is built (e.g. the shutdown timeout from Service).
            return await ReportConfigurationErrorsAsync(failures);
        }

        await using (application)
        {
            try
            {
                return await DispatchAsync(application, line);
            }
            catch (Exception exception) when (StartupValidation.TryDescribe(exception, out var failures))
            {
                return await ReportConfigurationErrorsAsync(failures);
            }
        }
    }

    private static async Task<int> ReportConfigurationErrorsAsync(IReadOnlyList<string> failures)
    {
        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync($"configuration error: {failure}");
        }

        return ExitCodes.ConfigurationError;
    }

    private static WebApplication Build(CommandLine line, Action<IServiceCollection, IConfiguration> addFeatures)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = "RegistryJanitor",
        });
        ConfigurationLoader.Load(builder.Configuration, line.ConfigFile);

        // The usage text lists the commands, which resolves them and their dependencies; none of them runs, so a
        // machine with no database configured yet still gets the usage text instead of a configuration error.
        if (line.WantsHelp && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Postgres")))
        {
            builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Postgres", "Host=127.0.0.1")]);
        }

        var isService = line.Words.Count > 0 && line.Words[0] == RunCommand.CommandName;
        LoggingSetup.Configure(builder.Logging, builder.Configuration, toStandardError: !isService);

        var urls = builder.Configuration[$"{ServiceOptions.SectionName}:{nameof(ServiceOptions.Urls)}"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(
                urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        addFeatures(builder.Services, builder.Configuration);
        return builder.Build();
    }

    private static async Task<int> DispatchAsync(WebApplication application, CommandLine line)
    {
        var commands = application.Services.GetServices<ICommand>().OrderBy(command => command.Name).ToList();
        if (line.WantsHelp)
        {
            await WriteUsageAsync(Console.Out, commands);
            return line.Words.Count == 0 ? ExitCodes.ConfigurationError : ExitCodes.Success;
        }

        var (command, arguments) = line.Match(commands);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"unknown command: {string.Join(' ', line.Words)}");
            await WriteUsageAsync(Console.Error, commands);
            return ExitCodes.ConfigurationError;
        }

        var failures = StartupValidation.Validate(application.Services);
        if (failures.Count > 0)
        {
            return await ReportConfigurationErrorsAsync(failures);
        }

        using var signals = new ShutdownSignals();
        var logger = application.Services.GetRequiredService<ILoggerFactory>().CreateLogger<ICommand>();
        try
        {
            var context = new CommandContext(application, arguments, Console.Out, Console.Error);
            return await command.ExecuteAsync(context, signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{command.Name}: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is not OperationCanceledException
                                          && !StartupValidation.TryDescribe(exception, out _))
        {
            // Logged with its stack trace for whoever investigates; the console gets one line.
            logger.CommandFailed(exception, command.Name);
            await Console.Error.WriteLineAsync($"{command.Name} failed: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task WriteUsageAsync(TextWriter writer, IReadOnlyList<ICommand> commands)
    {
        await writer.WriteLineAsync("usage: RegistryJanitor [--config FILE] COMMAND [arguments]");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("commands:");
        var width = commands.Max(command => (command.Name + " " + command.Usage).Trim().Length);
        foreach (var command in commands)
        {
            var synopsis = (command.Name + " " + command.Usage).Trim();
            await writer.WriteLineAsync($"  {synopsis.PadRight(width)}  {command.Summary}");
        }
    }
}
