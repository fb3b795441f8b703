using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Persistence;
using StackExchange.Redis;

namespace Reset.Tests.Http.Internal;

/// <summary>
/// Events reach the Redis stream, read as another service reads them: through a consumer group
/// (XGROUP CREATE … $ MKSTREAM, XREADGROUP, XACK). They carry ids, never a secret or a typed login.
/// </summary>
public sealed class EventStreamTests(InternalApiApp app) : IClassFixture<InternalApiApp>
{
    [Fact]
    public async Task A_whole_journey_puts_its_events_on_the_stream_in_order_with_no_secret_in_them()
    {
        var group = await app.NewConsumerGroupAsync();
        var customer = await app.CreateCustomerAsync();
        var secrets = new List<string> { customer.Password, customer.Email, customer.MemberId };

        var ticketId = await app.StartTicketAsync(customer.MemberId);
        (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await app.ReceiveCodeAsync(customer.Email);
        using var verified = await app.VerifyAsync(ticketId, code);
        var token = (await InternalApiApp.BodyAsync(verified)).GetProperty("resetToken").GetString()!;
        const string NewPassword = "violet kettle drums at noon 1234";
        (await app.SetPasswordAsync(ticketId, token, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var secondTicket = await app.StartTicketAsync(customer.Email);
        using var support = await app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{secondTicket}/support-requests",
            new { contactEmail = "reach.me@example.net", message = "Just checking." }, TestContext.Current.CancellationToken);
        var reference = (await InternalApiApp.BodyAsync(support)).GetProperty("reference").GetString()!;
        secrets.AddRange([code, token, NewPassword, "reach.me@example.net"]);

        var entries = await app.ReadStreamAsync(group, read => read.Any(e => InternalApiApp.Fields(e)["type"] == "support_request.opened"));

        var events = entries.Select(InternalApiApp.Fields).Where(f => f.GetValueOrDefault("userId") == customer.Id.ToString()).ToList();
        events.Select(f => f["type"]).ShouldBe(["reset.requested", "code.verified", "password.changed", "reset.requested", "support_request.opened"]);
        events.Take(3).ShouldAllBe(f => f["ticketId"] == ticketId);
        events[3]["ticketId"].ShouldBe(secondTicket);
        events[4]["ticketId"].ShouldBe(secondTicket);
        events[4]["reference"].ShouldBe(reference);
        events.Select(f => f["eventId"]).ShouldBeUnique();
        events.ShouldAllBe(f => DateTimeOffset.Parse(f["occurredAt"], System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UnixEpoch);
        events.ShouldAllBe(f => !f.ContainsKey("apiKeyId"));
        foreach (var value in entries.SelectMany(e => e.Values).Select(v => v.Value.ToString()))
        {
            foreach (var secret in secrets)
            {
                value.ShouldNotContain(secret, Case.Insensitive);
            }
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(app.Servers.Redis);
        (await redis.GetDatabase().StreamPendingAsync(app.StreamKey, group)).PendingMessageCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_login_that_matches_no_customer_gives_an_event_without_a_user_or_the_login()
    {
        var group = await app.NewConsumerGroupAsync();
        var unknown = $"nobody.{Guid.NewGuid():N}@example.com";

        var ticketId = await app.StartTicketAsync(unknown);

        var entries = await app.ReadStreamAsync(group, read => read.Any(e => InternalApiApp.Fields(e).GetValueOrDefault("ticketId") == ticketId));
        var fields = InternalApiApp.Fields(entries.Single(e => InternalApiApp.Fields(e).GetValueOrDefault("ticketId") == ticketId));
        fields["type"].ShouldBe("reset.requested");
        fields.ShouldNotContainKey("userId");
        fields.Keys.ShouldBe(["eventId", "type", "occurredAt", "ticketId"], ignoreOrder: true);
        fields.Values.ShouldAllBe(v => !v.Contains("nobody", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_reset_started_through_the_internal_API_names_the_key_that_started_it()
    {
        var group = await app.NewConsumerGroupAsync();
        var (id, _) = await app.ProvisionAsync();

        using var response = await app.Client(app.SupportKey).PostAsync(new Uri($"/internal/v1/users/{id}/password-resets", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var ticketId = (await InternalApiApp.BodyAsync(response)).GetProperty("ticketId").GetString()!;

        var entries = await app.ReadStreamAsync(group, read => read.Any(e => InternalApiApp.Fields(e).GetValueOrDefault("ticketId") == ticketId));
        var fields = InternalApiApp.Fields(entries.Single(e => InternalApiApp.Fields(e).GetValueOrDefault("ticketId") == ticketId));
        fields["type"].ShouldBe("reset.requested");
        fields["userId"].ShouldBe(id.ToString());
        fields["apiKeyId"].ShouldBe("support-desk");
    }

    [Fact]
    public async Task Relayed_events_leave_the_outbox_table()
    {
        var group = await app.NewConsumerGroupAsync();
        var ticketId = await app.StartTicketAsync((await app.CreateCustomerAsync()).Email);

        await app.ReadStreamAsync(group, read => read.Any(e => InternalApiApp.Fields(e).GetValueOrDefault("ticketId") == ticketId));

        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<ResetDbContext>().Events.AsNoTracking()
            .CountAsync(e => e.TicketId == ticketId, TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
