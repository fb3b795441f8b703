using Npgsql;

namespace Reset.Infrastructure.Persistence;

internal static class PostgresConnection
{
    /// <summary>
    /// Statements run often enough are prepared on each pooled connection (PostgreSQL then skips
    /// parsing and planning them). Npgsql waits 15 s to connect and 30 s for a command by default: far past the 3 s in which a
    /// request must answer 503. Values the operator set in the connection string are kept.
    /// </summary>
    public static string WithServiceDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Timeout"))
        {
            builder.Timeout = 2;
        }

        if (!Mentions(connectionString, "Command Timeout", "CommandTimeout"))
        {
            builder.CommandTimeout = 5;
        }

        if (!Mentions(connectionString, "Cancellation Timeout", "CancellationTimeout"))
        {
            // After a cancelled command, give up on the connection quickly if the server does not confirm.
            builder.CancellationTimeout = 500;
        }

        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keywords) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim())
            .Any(key => keywords.Contains(key, StringComparer.OrdinalIgnoreCase));
}
