using Microsoft.Extensions.Logging.Console;

namespace RegistryJanitor.Logging;

/// <summary>Console logging: JSON lines for machines, the simple format for people at a terminal.</summary>
internal static class LoggingSetup
{
    /// <summary>Replaces the default providers with one console logger.</summary>
    /// <param name="logging">The host's logging builder; levels still come from the <c>Logging</c> section.</param>
    /// <param name="toStandardError">
    /// Write every level to stderr, keeping stdout for what a one-shot command prints (e.g. <c>config check</c>).
    /// </param>
    public static void Configure(ILoggingBuilder logging, bool toStandardError)
    {
        logging.ClearProviders();
        var redirected = toStandardError ? Console.IsErrorRedirected : Console.IsOutputRedirected;

        // AddJsonConsole and AddSimpleConsole each set FormatterName, so calling both would leave whichever came last;
        // the console logger already knows both formatters, so only the chosen one's options are configured here.
        logging.AddConsole(options =>
        {
            options.FormatterName = redirected ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
            options.LogToStandardErrorThreshold = toStandardError ? LogLevel.Trace : LogLevel.None;
        });
        if (redirected)
        {
            logging.Services.Configure<JsonConsoleFormatterOptions>(options =>
            {
                options.IncludeScopes = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.Services.Configure<SimpleConsoleFormatterOptions>(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }
    }
}
