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
        logging.AddConsole(options =>
        {
            options.FormatterName = redirected ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
            options.LogToStandardErrorThreshold = toStandardError ? LogLevel.Trace : LogLevel.None;
        });
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
    }
}
