using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RegistryJanitor.Options;

/// <summary>Runs every <c>ValidateOnStart</c> registration and turns what fails into one line per setting.</summary>
internal static partial class StartupValidation
{
    /// <summary>The failures as <c>path: problem</c> lines; empty when the configuration is valid.</summary>
    public static IReadOnlyList<string> Validate(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (Exception exception) when (TryDescribe(exception, out var failures))
        {
            return failures;
        }
    }

    /// <summary>
    /// True when <paramref name="exception"/> reports invalid configuration (options validation, or a value the
    /// binder could not convert) — whenever it surfaces, e.g. while the host is built — with one line per setting.
    /// </summary>
    public static bool TryDescribe(Exception exception, out IReadOnlyList<string> failures)
    {
        failures = exception switch
        {
            OptionsValidationException validation => validation.Failures.ToList(),
            AggregateException aggregate when aggregate.Flatten().InnerExceptions.All(IsConfigurationError) =>
                aggregate.Flatten().InnerExceptions
                    .SelectMany(inner => inner is OptionsValidationException validation
                        ? validation.Failures
                        : [Describe(inner)])
                    .ToList(),
            InvalidOperationException when ConversionFailure().IsMatch(exception.Message) => [Describe(exception)],
            _ => [],
        };
        return failures.Count > 0;
    }

    private static bool IsConfigurationError(Exception exception) =>
        exception is OptionsValidationException
        || (exception is InvalidOperationException && ConversionFailure().IsMatch(exception.Message));

    // The binder's message quotes the value, which may be a secret: keep only the path and the target type.
    private static string Describe(Exception exception)
    {
        var match = ConversionFailure().Match(exception.Message);
        return match.Success
            ? $"{match.Groups["path"].Value}: is not a valid {FriendlyType(match.Groups["type"].Value)}"
            : exception.Message;
    }

    private static string FriendlyType(string typeName) => typeName switch
    {
        "System.Int32" or "System.Int64" => "whole number",
        "System.Boolean" => "boolean (true or false)",
        "System.TimeSpan" => "duration (hh:mm:ss or d.hh:mm:ss)",
        "System.Uri" => "URL",
        _ when typeName.EndsWith("RegistryProvider", StringComparison.Ordinal) => "provider (Oci, Acr or Ecr)",
        _ => typeName[(typeName.LastIndexOf('.') + 1)..],
    };

    [GeneratedRegex("at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
