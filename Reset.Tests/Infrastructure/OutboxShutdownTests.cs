using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

/// <summary>Shutting down while the relay is slow: the message in hand is finished, the rest wait for the next instance.</summary>
public sealed class OutboxShutdownTests
{
    [Fact]
    public async Task A_stopping_dispatcher_finishes_the_message_it_is_sending_and_takes_no_other()
    {
        await using var app = new JourneyApp();
        await app.InitializeAsync();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        app.Smtp.Holding = TimeSpan.FromSeconds(2);
        var recipients = Enumerable.Range(0, 3).Select(i => $"shutdown.{i}.{Guid.NewGuid():N}@example.com").ToList();
        await AddAsync(app, recipients);
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        for (var wait = 0; wait < 100 && app.Smtp.Arrivals == 0; wait++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        app.Smtp.Arrivals.ShouldBe(1, "the first message should be with the relay");

        // What the host does to each hosted service on SIGTERM.
        await dispatcher.StopAsync(TestContext.Current.CancellationToken);

        app.Smtp.Arrivals.ShouldBe(1, "no message was started after the stop");
        var rows = await RowsAsync(app, recipients);
        var sent = rows.Where(r => r.SentAt is not null).ToList();
        sent.Count.ShouldBe(1, "the message in hand was finished and recorded");
        app.Smtp.Received.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).ShouldContain(sent[0].Recipient);
        var waiting = rows.Where(r => r.SentAt is null).ToList();
        waiting.Count.ShouldBe(2);
        waiting.ShouldAllBe(r => r.Attempts == 0 && r.NextAttemptAt <= DateTimeOffset.UtcNow,
            "the others are not claimed: the next instance sends them at once");
    }

    private static async Task AddAsync(ResetApp app, IEnumerable<string> recipients)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var now = DateTimeOffset.UtcNow;
        foreach (var recipient in recipients)
        {
            db.OutboxMessages.Add(Outbox.Message(Outbox.PasswordChangedKind, recipient, new EmailContent("Changed", "Changed.", "<p>Changed.</p>"), now));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<OutboxMessage>> RowsAsync(ResetApp app, List<string> recipients)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ResetDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => recipients.Contains(m.Recipient)).ToListAsync();
    }
}
