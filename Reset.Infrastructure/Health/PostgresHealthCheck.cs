using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Health;

/// <summary>
/// Opens its own connection with a 2 s connect and command timeout rather than borrowing the
/// request's DbContext: Npgsql does not always honour cancellation while connecting, and a context
/// disposed mid-connect throws. The probe owns its connection and ends by itself within 2 s. Its pool
/// holds at most <see cref="MaxConnections"/>: one for the check (see <see cref="ReadinessProbe"/>,
/// which runs one at a time) and one for a check still ending after its caller gave up on it.
/// </summary>
internal sealed class PostgresHealthCheck(IOptions<ConnectionStringsOptions> connectionStrings) : IHealthCheck
{
    private readonly string _probeConnectionString = new NpgsqlConnectionStringBuilder(connectionStrings.Value.Postgres)
    {
        Timeout = (int)HealthChecks.Timeout.TotalSeconds,
        CommandTimeout = (int)HealthChecks.Timeout.TotalSeconds,
        ApplicationName = ApplicationName,
        MaxPoolSize = MaxConnections,
    }.ConnectionString;

    internal const string ApplicationName = "reset-service health";
    internal const int MaxConnections = 2;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await ProbeAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer.", exception);
        }
    }

    private async Task ProbeAsync()
    {
        await using var connection = new NpgsqlConnection(_probeConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync();
    }
}
