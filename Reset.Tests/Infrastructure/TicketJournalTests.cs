using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reset.Domain.Audit;
using Reset.Domain.Logins;
using Reset.Domain.Tickets;
using Reset.Infrastructure.Events;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

/// <summary>
/// The ticket journal writes with plain Npgsql what EF Core reads: the two must agree on every
/// column, nulls included, and the pair commits whole or not at all.
/// </summary>
public sealed class TicketJournalTests(ResetApp app) : IClassFixture<ResetApp>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public async Task Both_rows_read_back_through_EF_Core_as_they_were_written()
    {
        var ticket = NewTicket();
        var userId = Guid.CreateVersion7();
        var audit = AuditEvent.Record(userId, AuditEventTypes.PasswordResetRequested, Now, "203.0.113.7", "ticket " + ticket.Id);
        var resetEvent = ResetEvent.ResetRequested(ticket, Now, apiKeyId: "crm");

        await Journal.RecordAsync(audit, resetEvent, TestContext.Current.CancellationToken);

        await using var db = ResetDbContext.ForMaintenance(app.Postgres);
        var storedAudit = await db.AuditEvents.SingleAsync(e => e.Detail == "ticket " + ticket.Id, TestContext.Current.CancellationToken);
        storedAudit.UserId.ShouldBe(userId);
        storedAudit.Type.ShouldBe(AuditEventTypes.PasswordResetRequested);
        storedAudit.OccurredAt.ShouldBe(Now);
        storedAudit.ClientIp.ShouldBe("203.0.113.7");
        var storedEvent = await db.Events.SingleAsync(e => e.Id == resetEvent.Id, TestContext.Current.CancellationToken);
        storedEvent.Type.ShouldBe(ResetEventTypes.ResetRequested);
        storedEvent.OccurredAt.ShouldBe(Now);
        storedEvent.TicketId.ShouldBe(ticket.Id.Value);
        storedEvent.ApiKeyId.ShouldBe("crm");
        storedEvent.UserId.ShouldBeNull("a decoy ticket has no user");
        storedEvent.Reference.ShouldBeNull();
    }

    [Fact]
    public async Task A_failed_event_insert_leaves_no_audit_row()
    {
        var ticket = NewTicket();
        var resetEvent = ResetEvent.ResetRequested(ticket, Now);
        await Journal.RecordAsync(Audit(ticket, "first"), resetEvent, TestContext.Current.CancellationToken);

        // The same event id again breaks the event table's primary key, after the audit insert ran.
        await Should.ThrowAsync<PostgresException>(() =>
            Journal.RecordAsync(Audit(ticket, "second"), resetEvent, TestContext.Current.CancellationToken));

        // The failed batch left its pooled connection outside any transaction: the next use works.
        await Journal.RecordAsync(Audit(ticket, "third"), ResetEvent.ResetRequested(ticket, Now), TestContext.Current.CancellationToken);

        await using var db = ResetDbContext.ForMaintenance(app.Postgres);
        var details = await db.AuditEvents.Where(e => e.Detail!.StartsWith("ticket " + ticket.Id))
            .OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync(TestContext.Current.CancellationToken);
        details.ShouldBe(["ticket " + ticket.Id + " first", "ticket " + ticket.Id + " third"]);
    }

    private TicketJournal Journal => app.Services.GetRequiredService<TicketJournal>();

    private static AuditEvent Audit(ResetTicket ticket, string note) =>
        AuditEvent.Record(null, AuditEventTypes.PasswordResetRequested, Now, null, $"ticket {ticket.Id} {note}");

    private static ResetTicket NewTicket()
    {
        LoginIdentifier.TryParse("journal@example.com", out var login).ShouldBeTrue();
        return ResetTicket.Start(TicketId.New(), login, account: null, Now, new ResetRules());
    }
}
