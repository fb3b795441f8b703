using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Email;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Faults;

/// <summary>
/// The SMTP server is down (not listening: connections refused). E-mail waits in the outbox, so the
/// journey's endpoints keep answering; once the server is back the code arrives, once, with no restart.
/// </summary>
public sealed class SmtpOutageTests
{
    [Fact]
    public async Task A_code_sent_while_the_smtp_server_is_down_arrives_once_after_it_returns_without_restarting_the_service()
    {
        await using var app = new JourneyApp();
        await app.InitializeAsync();
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        var client = app.CreateClient();

        await app.Smtp.StopAsync();

        var sent = await TimedAnswer.OfAsync("POST codes, SMTP down", ct => client.PostAsync(Paths.Codes(ticketId), Bodies.Code(), ct));
        var ready = await TimedAnswer.OfAsync("GET /health/ready, SMTP down", ct => client.GetAsync("/health/ready", ct));
        sent.Is(HttpStatusCode.Accepted).ShouldBeTrue(sent.ToString());
        // A relay outage is no reason to take the instance out of the load balancer: e-mail waits in the outbox.
        ready.Is(HttpStatusCode.OK).ShouldBeTrue(ready.ToString());
        var failed = await WaitForCodeRowAsync(app, customer.Email, row => row.Attempts > 0);
        TestContext.Current.TestOutputHelper?.WriteLine($"outbox: attempt {failed.Attempts} failed with {failed.LastError}");
        app.Smtp.To(customer.Email).ShouldBeEmpty();

        await app.Smtp.StartAsync();
        var back = Stopwatch.StartNew();

        var code = await app.ReceiveCodeAsync(customer.Email);
        TestContext.Current.TestOutputHelper?.WriteLine($"the code arrived {back.ElapsedMilliseconds} ms after the SMTP server returned");
        using var verified = await app.VerifyAsync(ticketId, code);
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        (await app.SetPasswordAsync(ticketId, token, "violet kettle drums at noon")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // SMTP hands a message over before the dispatcher records it as sent: once recorded, every copy has arrived.
        (await WaitForCodeRowAsync(app, customer.Email, row => row.SentAt is not null)).Attempts.ShouldBeGreaterThan(0);
        await app.Smtp.WaitForAsync(customer.Email, count: 2);
        var mail = app.Smtp.To(customer.Email).ToList();
        mail.Count(m => CodeEmails.CodeIn(m) == code).ShouldBe(1);
        mail.Select(m => m.MessageId).Distinct().Count().ShouldBe(mail.Count);
    }

    /// <summary>Waits for the first reset-code outbox row to the address that meets the condition.</summary>
    private static async Task<OutboxMessage> WaitForCodeRowAsync(ResetApp app, string recipient, Func<OutboxMessage, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            using var scope = app.Services.CreateScope();
            var rows = await scope.ServiceProvider.GetRequiredService<ResetDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Recipient == recipient && m.Kind == Outbox.ResetCodeKind)
                .OrderBy(m => m.CreatedAt)
                .ToListAsync(TestContext.Current.CancellationToken);
            if (rows.FirstOrDefault() is { } row && condition(row))
            {
                return row;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The outbox row never reached the expected state.");
    }
}
