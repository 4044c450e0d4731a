using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace RegistryJanitor.Options;

/// <summary>
/// Checks the DataAnnotations of an options object and of the product's option objects nested in it (list items
/// included), reporting each failure as <c>Section:Property: problem</c> — the path an operator types in
/// <c>appsettings.json</c> or as <c>Section__Property</c> in the environment.
/// </summary>
/// <remarks>
/// The stock <c>ValidateDataAnnotations</c> names the C# type and member, not the configuration path, and does
/// not descend into lists; both matter for a one-line error an operator can act on.
/// </remarks>
internal sealed class DataAnnotationsPathValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    private const int MaxDepth = 8;
    private readonly string _sectionPath;

    public DataAnnotationsPathValidator(string sectionPath)
    {
        _sectionPath = sectionPath;
    }

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateObject(options, _sectionPath, failures, depth: 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateObject(object instance, string path, List<string> failures, int depth)
    {
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = property.GetValue(instance);
            var propertyPath = path.Length == 0 ? property.Name : $"{path}:{property.Name}";
            var context = new ValidationContext(instance) { MemberName = property.Name, DisplayName = propertyPath };

            // One message per setting: the first attribute that fails says what is wrong.
            var failed = property.GetCustomAttributes<ValidationAttribute>(inherit: true)
                .FirstOrDefault(attribute => attribute.GetValidationResult(value, context) is not null);
            if (failed is not null)
            {
                failures.Add($"{propertyPath}: {Describe(failed, propertyPath)}");
                continue;
            }

            if (depth < MaxDepth)
            {
                ValidateNested(value, propertyPath, failures, depth);
            }
        }
    }

    private static void ValidateNested(object? value, string path, List<string> failures, int depth)
    {
        if (value is IEnumerable items and not string and not IDictionary)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (item is not null && IsProductOptions(item.GetType()))
                {
                    ValidateObject(item, $"{path}:{index}", failures, depth + 1);
                }

                index++;
            }
        }
        else if (value is not null && IsProductOptions(value.GetType()))
        {
            ValidateObject(value, path, failures, depth + 1);
        }
    }

    private static bool IsProductOptions(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("RegistryJanitor", StringComparison.Ordinal) == true;

    private static string Describe(ValidationAttribute attribute, string path) => attribute switch
    {
        _ when !string.IsNullOrEmpty(attribute.ErrorMessage) => attribute.ErrorMessage,
        RequiredAttribute => "is required",
        RangeAttribute range => $"must be between {range.Minimum} and {range.Maximum}",
        _ => attribute.FormatErrorMessage(path),
    };
}
