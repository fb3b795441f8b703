using Npgsql;

namespace Reset.Infrastructure.Persistence;

internal static class PostgresConnection
{
    /// <summary>
    /// Statements run often enough are prepared on each pooled connection (PostgreSQL then skips
    /// parsing and planning them), and pooled connections are not reset. Npgsql waits 15 s to connect and 30 s for a command by default: far past the 3 s in which a
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

        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            // Npgsql otherwise resets each connection it takes back (five statements, sent with the
            // next use): per ticket, two resets cost PostgreSQL more CPU than the ticket's own
            // statements. The service leaves no session state behind: its settings are SET LOCAL,
            // its locks end with their transactions (`migrate` uses a connection of its own).
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keywords) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim())
            .Any(key => keywords.Contains(key, StringComparer.OrdinalIgnoreCase));
}
