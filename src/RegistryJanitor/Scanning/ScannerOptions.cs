using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Scanning;

/// <summary>Scanner settings (section <c>Scanner</c>).</summary>
public sealed class ScannerOptions
{
    public const string SectionName = "Scanner";

    /// <summary>Interval between progress lines of a running scan. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Repositories scanned at once. Default 0: the registry's <c>MaxConcurrency</c>. HTTP requests are
    /// limited per host by <c>MaxConcurrency</c> whatever this value is.
    /// </summary>
    [Range(0, 256)]
    public int RepositoryConcurrency { get; set; }
}
