using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

public sealed class OutboxDispatcherTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    [Fact]
    public async Task A_code_email_past_its_expiry_is_dropped_unsent_and_erased()
    {
        var recipient = $"late.{Guid.NewGuid():N}@example.com";
        var now = app.Time.GetUtcNow();
        var message = Outbox.Sealed(Outbox.ResetCodeKind, recipient, new EmailContent("123456 is your code", "123456", "<p>123456</p>"),
            now.AddMinutes(-11), notAfter: now.AddMinutes(-1), Cipher);
        await AddAsync(message);

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(TestContext.Current.CancellationToken);

        var row = await ReadAsync(message.Id);
        row.DroppedAt.ShouldNotBeNull();
        row.SentAt.ShouldBeNull();
        row.Subject.ShouldNotContain("123456");
        row.TextBody.ShouldBeNull();
        row.HtmlBody.ShouldBeNull();
        row.SealedContent.ShouldBeNull();
        app.Smtp.To(recipient).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sent_and_dropped_messages_past_the_retention_are_deleted_and_pending_ones_never()
    {
        var now = app.Time.GetUtcNow();
        var longAgo = now - TimeSpan.FromDays(31); // the default retention is 30 days
        var sentLongAgo = Old(m => m.SentAt = longAgo);
        var droppedLongAgo = Old(m => m.DroppedAt = longAgo);
        var sentYesterday = Old(m => m.SentAt = now.AddDays(-1));
        // Queued long ago and still waiting for a retry: never deleted, however old.
        var pending = Old(m => m.NextAttemptAt = now.AddDays(1));
        foreach (var message in new[] { sentLongAgo, droppedLongAgo, sentYesterday, pending })
        {
            await AddAsync(message);
        }

        (await app.Services.GetRequiredService<OutboxDispatcher>().PurgeAsync(TestContext.Current.CancellationToken))
            .ShouldBeGreaterThanOrEqualTo(2);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var ids = new[] { sentLongAgo.Id, droppedLongAgo.Id, sentYesterday.Id, pending.Id };
        var left = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        left.ShouldBe([sentYesterday.Id, pending.Id], ignoreOrder: true);

        OutboxMessage Old(Action<OutboxMessage> change)
        {
            var message = Outbox.Message(Outbox.PasswordChangedKind, $"old.{Guid.NewGuid():N}@example.com",
                new EmailContent("Changed", "Your password was changed.", "<p>changed</p>"), longAgo);
            change(message);
            return message;
        }
    }

    [Fact]
    public async Task A_sent_code_email_keeps_no_copy_of_the_code()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(customer.Email);

        var row = await WaitForRowAsync(customer.Email, r => r.SentAt is not null);

        row.Subject.ShouldNotContain(code);
        row.TextBody.ShouldBeNull();
        row.HtmlBody.ShouldBeNull();
        row.SealedContent.ShouldBeNull();
    }

    [Fact]
    public async Task A_queued_code_email_holds_the_code_in_no_column_before_it_is_sent()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        // The relay holds each message: the row is read while the dispatcher waits on the send.
        app.Smtp.Holding = TimeSpan.FromSeconds(2);
        Dictionary<string, object> row;
        try
        {
            (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            row = await ReadRawRowAsync(customer.Email);
        }
        finally
        {
            app.Smtp.Holding = TimeSpan.Zero;
        }

        var code = await app.ReceiveCodeAsync(customer.Email);

        row["sent_at"].ShouldBe(DBNull.Value, "read before it was sent");
        row["sealed_content"].ShouldBeOfType<byte[]>().Length.ShouldBeGreaterThan(16);
        var digits = Encoding.ASCII.GetBytes(code);
        foreach (var (column, value) in row)
        {
            switch (value)
            {
                case string text:
                    text.ShouldNotContain(code, Case.Sensitive, column);
                    break;
                case byte[] bytes:
                    bytes.AsSpan().IndexOf(digits).ShouldBe(-1, column);
                    Convert.ToHexString(bytes).ShouldNotContain(code, Case.Sensitive, column);
                    break;
            }
        }
    }

    [Fact]
    public async Task A_code_email_sealed_under_another_key_is_dropped_unsent_and_counted_and_the_next_one_is_sent()
    {
        using var undecryptable = new DroppedCounter(app, "undecryptable");
        var rotatedAway = new OutboxCipher(Options.Create(new SecretsOptions { HmacKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
        var now = app.Time.GetUtcNow();
        var stale = Outbox.Sealed(Outbox.ResetCodeKind, $"stale.{Guid.NewGuid():N}@example.com",
            new EmailContent("Your code", "Your code is 135791", "<p>135791</p>"), now.AddSeconds(-2), now.AddMinutes(5), rotatedAway);
        var fresh = Outbox.Sealed(Outbox.ResetCodeKind, $"fresh.{Guid.NewGuid():N}@example.com",
            new EmailContent("Your code", "Your code is 246802", "<p>246802</p>"), now.AddSeconds(-1), now.AddMinutes(5), Cipher);
        await AddAsync(stale);
        await AddAsync(fresh);
        app.Services.GetRequiredService<OutboxSignal>().Notify();

        var delivered = await app.Smtp.WaitForAsync(fresh.Recipient);
        var dropped = await WaitForRowAsync(stale.Recipient, r => r.DroppedAt is not null);

        delivered.TextBody.ShouldNotBeNull().ShouldContain("246802");
        dropped.LastError.ShouldBe("undecryptable");
        dropped.SentAt.ShouldBeNull();
        dropped.SealedContent.ShouldBeNull();
        app.Smtp.To(stale.Recipient).ShouldBeEmpty();
        undecryptable.Count.ShouldBe(1);
    }

    [Fact]
    public void A_sealed_content_opens_only_for_its_own_row_and_recipient()
    {
        var content = new EmailContent("Subject 111222", "Text 111222", "<p>111222</p>");
        var id = Guid.CreateVersion7();
        var sealedContent = Cipher.Seal(id, Outbox.ResetCodeKind, "jane@example.com", content);

        Cipher.TryOpen(id, Outbox.ResetCodeKind, "jane@example.com", sealedContent).ShouldBe(content);
        Cipher.TryOpen(Guid.CreateVersion7(), Outbox.ResetCodeKind, "jane@example.com", sealedContent).ShouldBeNull();
        Cipher.TryOpen(id, Outbox.ResetCodeKind, "mallory@example.com", sealedContent).ShouldBeNull();
        sealedContent[^1] ^= 1;
        Cipher.TryOpen(id, Outbox.ResetCodeKind, "jane@example.com", sealedContent).ShouldBeNull();
    }

    [Fact]
    public async Task A_relay_that_refuses_and_then_returns_still_delivers_the_code()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        app.Smtp.Refusing = true;
        try
        {
            (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var failed = await WaitForRowAsync(customer.Email, r => r.Attempts > 0);
            failed.LastError.ShouldNotBeNull().ShouldStartWith("SMTP 451");
        }
        finally
        {
            app.Smtp.Refusing = false;
        }

        // Refusals in this class's other tests may have opened the SMTP circuit breaker (15 s): allow for it.
        await app.Smtp.WaitForAsync(customer.Email, 1, TimeSpan.FromSeconds(45));
        var code = await app.ReceiveCodeAsync(customer.Email);
        (await app.VerifyAsync(ticketId, code)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_code_the_relay_keeps_refusing_is_retried_until_it_expires_then_dropped_erased_and_counted()
    {
        using var expired = new DroppedCounter(app, "expired");
        var recipient = $"refused.{Guid.NewGuid():N}@example.com";
        var now = app.Time.GetUtcNow();
        var message = Outbox.Sealed(Outbox.ResetCodeKind, recipient, new EmailContent("654321 is your code", "654321", "<p>654321</p>"),
            now, notAfter: now.AddSeconds(4), Cipher);
        app.Smtp.Refusing = true;
        try
        {
            await AddAsync(message);
            app.Services.GetRequiredService<OutboxSignal>().Notify();

            var dropped = await WaitForRowAsync(recipient, r => r.DroppedAt is not null);

            dropped.Attempts.ShouldBeGreaterThanOrEqualTo(2, "it was retried while the code could still be used");
            dropped.DroppedAt!.Value.ShouldBeGreaterThanOrEqualTo(message.NotAfter!.Value);
            dropped.LastError.ShouldBe("expired");
            dropped.SentAt.ShouldBeNull();
            dropped.TextBody.ShouldBeNull();
            dropped.SealedContent.ShouldBeNull();
            dropped.Subject.ShouldNotContain("654321");
            expired.Count.ShouldBe(1);
        }
        finally
        {
            app.Smtp.Refusing = false;
        }

        app.Smtp.To(recipient).ShouldBeEmpty();
    }

    [Fact]
    public void Backoff_grows_from_about_two_seconds_to_at_most_about_a_minute()
    {
        OutboxDispatcher.Backoff(1).TotalSeconds.ShouldBeInRange(1.6, 2.4);
        OutboxDispatcher.Backoff(3).TotalSeconds.ShouldBeInRange(6.4, 9.6);
        OutboxDispatcher.Backoff(30).TotalSeconds.ShouldBeInRange(48, 72);
    }

    /// <summary>Counts reset.outbox.dropped for one reason, from this app's meters only (other tests run in parallel).</summary>
    private sealed class DroppedCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public DroppedCounter(JourneyApp app, string reason)
        {
            var meters = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "reset.outbox.dropped")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason" && Equals(tag.Value, reason))
                    {
                        Interlocked.Add(ref _count, (int)value);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    private OutboxCipher Cipher => app.Services.GetRequiredService<OutboxCipher>();

    /// <summary>The recipient's outbox row straight from PostgreSQL, every column as Npgsql reads it, as soon as it is there.</summary>
    private async Task<Dictionary<string, object>> ReadRawRowAsync(string recipient)
    {
        await using var connection = new NpgsqlConnection(app.Postgres);
        await connection.OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            await using var command = new NpgsqlCommand("SELECT * FROM outbox_messages WHERE recipient = @recipient", connection);
            command.Parameters.AddWithValue("recipient", recipient);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue);
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("No outbox row for the recipient appeared.");
    }

    private async Task AddAsync(OutboxMessage message)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
    }

    private async Task<OutboxMessage> ReadAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResetDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<OutboxMessage> WaitForRowAsync(string recipient, Func<OutboxMessage, bool> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            using var scope = app.Services.CreateScope();
            var rows = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Recipient == recipient).ToListAsync();
            if (rows.FirstOrDefault(condition) is { } row)
            {
                return row;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox row never reached the expected state.");
    }
}
