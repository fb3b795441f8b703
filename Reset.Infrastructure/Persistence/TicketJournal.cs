using Npgsql;
using NpgsqlTypes;
using Reset.Domain.Audit;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Resilience;

namespace Reset.Infrastructure.Persistence;

/// <summary>
/// Records a ticket step that changes no account (a ticket started, a code verified): its audit row
/// and its event in one transaction, in one round trip, committed without waiting for the WAL flush.
/// </summary>
/// <remarks>
/// These are the two busiest writes, and waiting for each commit's disk flush was what limited them
/// (BENCHMARKS.md). The step they record lives in Redis, whose append-only file is synced once a
/// second, so the row needs no stronger guarantee than the ticket itself: after a PostgreSQL crash
/// the last fraction of a second of such rows may be missing (never half of one: the transaction is
/// atomic). Account changes (password, support requests, the outbox) stay fully durable through
/// EF Core. Plain Npgsql here rather than EF Core: two inserts need no change tracker, and the
/// statements are prepared once per connection. <c>SET LOCAL</c> rather than a connection option,
/// so it works through PgBouncer too.
/// </remarks>
public sealed class TicketJournal(NpgsqlDataSource postgres, DependencyPipelines pipelines)
{
    private const string InsertAudit =
        "INSERT INTO audit_events (user_id, type, occurred_at, client_ip, detail) VALUES ($1, $2, $3, $4, $5)";

    private const string InsertEvent =
        "INSERT INTO event_outbox (id, type, occurred_at, user_id, ticket_id, reference, api_key_id) VALUES ($1, $2, $3, $4, $5, $6, $7)";

    /// <summary>Writes both rows, or neither. Not retried once sent: a lost COMMIT reply may have committed.</summary>
    public Task RecordAsync(AuditEvent audit, ResetEvent resetEvent, CancellationToken cancellationToken) =>
        pipelines.Postgres.RunAsync(RetrySafety.AtMostOnce, async ct =>
        {
            await using var connection = await postgres.OpenConnectionAsync(ct);
            // BEGIN to COMMIT in one batch, one round trip. The error barriers let COMMIT run even
            // after an insert failed: PostgreSQL then rolls back, and the connection goes back to the
            // pool outside any transaction, while the batch throws the insert's error.
            await using var batch = new NpgsqlBatch(connection)
            {
                EnableErrorBarriers = true,
                BatchCommands =
                {
                    new NpgsqlBatchCommand("BEGIN"),
                    new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"),
                    new NpgsqlBatchCommand(InsertAudit)
                    {
                        Parameters = { Uuid(audit.UserId), Text(audit.Type), Time(audit.OccurredAt), Text(audit.ClientIp), Text(audit.Detail) },
                    },
                    new NpgsqlBatchCommand(InsertEvent)
                    {
                        Parameters =
                        {
                            Uuid(resetEvent.Id), Text(resetEvent.Type), Time(resetEvent.OccurredAt), Uuid(resetEvent.UserId),
                            Text(resetEvent.TicketId), Text(resetEvent.Reference), Text(resetEvent.ApiKeyId),
                        },
                    },
                    new NpgsqlBatchCommand("COMMIT"),
                },
            };
            await batch.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

    // Typed even when null, so PostgreSQL never has to guess a parameter's type.
    private static NpgsqlParameter Uuid(Guid? value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value ?? (object)DBNull.Value };

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = value ?? (object)DBNull.Value };

    private static NpgsqlParameter Time(DateTimeOffset value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value };
}
