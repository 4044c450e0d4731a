using System.Diagnostics;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>Runs LibreOffice headless conversions with a private profile (so runs can overlap and settings are
/// known): formulas are always recalculated on load.</summary>
internal static class LibreOffice
{
    private const string RecalcAlways = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load">
          <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
        </item>
        </oor:items>
        """;

    /// <summary>Converts a file (e.g. to <c>pdf</c> or <c>xlsx</c>) and returns the output path and stderr.</summary>
    public static async Task<(string Output, string Errors, int ExitCode)> ConvertAsync(string input, string format,
        string outputDirectory, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("rj-lo-profile-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(profile, "user"));
            await File.WriteAllTextAsync(
                Path.Combine(profile, "user", "registrymodifications.xcu"), RecalcAlways, cancellationToken);
            var start = new ProcessStartInfo(Executable())
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var argument in new[]
            {
                $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nolockcheck",
                "--convert-to", format, "--outdir", outputDirectory, input,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var extension = format.Split(':')[0];
            var output = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(input) + "." + extension);
            return (output, await errors, process.ExitCode);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static string Executable()
    {
        foreach (var name in new[] { "soffice", "libreoffice" })
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            "LibreOffice (soffice) is not installed; deploy/test.sh installs the Debian package libreoffice-calc.");
    }
}
