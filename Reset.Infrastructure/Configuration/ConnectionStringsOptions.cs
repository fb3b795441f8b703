using Microsoft.Extensions.Options;

namespace Reset.Infrastructure.Configuration;

public sealed class ConnectionStringsOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary>An Npgsql connection string: Host=…;Port=…;Database=…;Username=…;Password=….</summary>
    public string? Postgres { get; set; }

    /// <summary>A StackExchange.Redis configuration string: host:port[,host:port…][,password=…].</summary>
    public string? Redis { get; set; }
}

internal sealed class ConnectionStringsOptionsValidator : IValidateOptions<ConnectionStringsOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectionStringsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            failures.Add($"{Setting.Name("ConnectionStrings:Postgres")} is missing: set it to the PostgreSQL connection string.");
        }
        else
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(options.Postgres);
            }
            catch (ArgumentException)
            {
                // The message would echo the string, password included: name the setting only.
                failures.Add($"{Setting.Name("ConnectionStrings:Postgres")} is not a valid Npgsql connection string.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add($"{Setting.Name("ConnectionStrings:Redis")} is missing: set it to the Redis configuration string (host:port).");
        }
        else
        {
            try
            {
                _ = StackExchange.Redis.ConfigurationOptions.Parse(options.Redis);
            }
            catch (ArgumentException)
            {
                failures.Add($"{Setting.Name("ConnectionStrings:Redis")} is not a valid Redis configuration string.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
