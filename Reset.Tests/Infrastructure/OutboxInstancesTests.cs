using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

/// <summary>Several instances share one outbox: every message leaves once, and none is lost to a restart.</summary>
public sealed class OutboxInstancesTests
{
    [Fact]
    public async Task Three_instances_dispatching_one_outbox_send_each_message_exactly_once()
    {
        await using var first = new JourneyApp();
        await first.InitializeAsync();
        await using var second = new JourneyApp { SharedDatabase = first.Postgres };
        await second.InitializeAsync();
        await using var third = new JourneyApp { SharedDatabase = first.Postgres };
        await third.InitializeAsync();
        var apps = new[] { first, second, third };
        foreach (var app in apps)
        {
            _ = app.Services; // start each host, and with it its dispatcher
        }

        var recipients = Enumerable.Range(0, 120).Select(i => $"many.{i}.{Guid.NewGuid():N}@example.com").ToList();
        await AddMessagesAsync(first, recipients);
        foreach (var app in apps)
        {
            app.Services.GetRequiredService<OutboxSignal>().Notify();
        }

        var delivered = new List<string>();
        for (var wait = 0; wait < 300 && delivered.Count < recipients.Count; wait++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            delivered = [.. apps.SelectMany(app => app.Smtp.Received).SelectMany(m => m.To.Mailboxes).Select(m => m.Address)
                .Where(recipients.Contains)];
        }

        delivered.Count.ShouldBe(recipients.Count);
        delivered.Distinct().Count().ShouldBe(recipients.Count, "a message was sent twice");
        apps.Count(app => app.Smtp.Received.Count > 0).ShouldBeGreaterThan(1, "the instances should share the work");
    }

    [Fact]
    public async Task A_message_queued_while_no_instance_runs_is_sent_when_one_starts()
    {
        await using var before = new JourneyApp();
        await before.InitializeAsync();
        var recipient = $"queued.{Guid.NewGuid():N}@example.com";
        // Queued straight into the table, as a request would have before the service stopped.
        var options = new DbContextOptionsBuilder<ResetDbContext>().UseNpgsql(before.Postgres).UseSnakeCaseNamingConvention().Options;
        await using (var db = new ResetDbContext(options))
        {
            db.OutboxMessages.Add(Outbox.Message(Outbox.PasswordChangedKind, recipient, new EmailContent("Changed", "Your password was changed.", "<p>changed</p>"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var after = new JourneyApp { SharedDatabase = before.Postgres };
        await after.InitializeAsync();
        _ = after.Services;

        var message = await after.Smtp.WaitForAsync(recipient);
        message.Subject.ShouldBe("Changed");
    }

    private static async Task AddMessagesAsync(ResetApp app, IEnumerable<string> recipients)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        foreach (var recipient in recipients)
        {
            db.OutboxMessages.Add(Outbox.Message(Outbox.SupportRequestKind, recipient, new EmailContent("Hello", "Hello.", "<p>Hello.</p>"), DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }
}
