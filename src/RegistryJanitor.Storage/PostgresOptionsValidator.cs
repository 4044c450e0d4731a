using Microsoft.Extensions.Options;
using Npgsql;

namespace RegistryJanitor.Storage;

/// <summary>Rejects a connection string Npgsql cannot parse, naming the setting but never echoing its value.</summary>
internal sealed class PostgresOptionsValidator : IValidateOptions<PostgresOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Postgres: is required");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.Postgres);
            return string.IsNullOrEmpty(builder.Host)
                ? ValidateOptionsResult.Fail("ConnectionStrings:Postgres: names no Host")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The parser's message can quote the string, password included: say only that it is malformed.
            return ValidateOptionsResult.Fail("ConnectionStrings:Postgres: is not a valid Npgsql connection string");
        }
    }
}
