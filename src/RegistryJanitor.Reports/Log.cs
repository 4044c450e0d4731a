using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Reports;

/// <summary>Source-generated log messages of the report writer (event ids 4000-4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "ReportWriting", Level = LogLevel.Debug,
        Message = "Writing {Kind} workbook for {Month} to {Path}")]
    public static partial void Writing(ILogger logger, string kind, DateOnly month, string path);

    [LoggerMessage(EventId = 4001, EventName = "ReportWritten", Level = LogLevel.Information,
        Message = "Wrote {Kind} workbook {Path}: {Rows} rows, {SizeBytes} bytes in {ElapsedMs} ms, sha256 {Sha256}")]
    public static partial void Written(ILogger logger, string kind, string path, int rows, long sizeBytes,
        long elapsedMs, string sha256);

    [LoggerMessage(EventId = 4002, EventName = "ReportFailed", Level = LogLevel.Error,
        Message = "Writing {Kind} workbook {Path} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string kind, string path);
}
