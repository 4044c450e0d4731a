using Microsoft.Extensions.Logging.Console;

namespace RegistryJanitor.Logging;

/// <summary>Console logging: JSON lines for machines, the simple format for people at a terminal.</summary>
internal static class LoggingSetup
{
    private const string FormatterNameKey = "Logging:Console:FormatterName";

    /// <summary>Replaces the default providers with one console logger.</summary>
    /// <param name="logging">The host's logging builder; levels still come from the <c>Logging</c> section.</param>
    /// <param name="configuration">Read for <c>Logging:Console:FormatterName</c>, which overrides the choice.</param>
    /// <param name="toStandardError">
    /// Write every level to stderr, keeping stdout for what a one-shot command prints (e.g. <c>config check</c>).
    /// </param>
    public static void Configure(ILoggingBuilder logging, IConfiguration configuration, bool toStandardError)
    {
        logging.ClearProviders();
        var redirected = toStandardError ? Console.IsErrorRedirected : Console.IsOutputRedirected;
        var configured = configuration[FormatterNameKey];
        var formatter = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : redirected ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;

        // Not AddJsonConsole/AddSimpleConsole: each sets the formatter name too, so the last call would always win.
        logging.AddConsole(options =>
        {
            options.FormatterName = formatter;
            options.LogToStandardErrorThreshold = toStandardError ? LogLevel.Trace : LogLevel.None;
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        logging.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
    }
}
