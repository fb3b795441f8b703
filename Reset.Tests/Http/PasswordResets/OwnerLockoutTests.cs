using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Infrastructure.RateLimiting;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>
/// A stranger who knows only the login cannot keep the owner out: every limit the stranger can reach
/// either counts the stranger's own share (a client, a network) or, once spent, changes the form of
/// proof (the newest e-mailed code, a long code) instead of refusing the owner. Played with the
/// shipped defaults: the attacks first, then the owner, from another network, who reads the mailbox.
/// </summary>
public sealed class OwnerLockoutTests(OwnerLockoutTests.DefaultLimitsApp app) : IClassFixture<OwnerLockoutTests.DefaultLimitsApp>
{
    private const string NewPassword = "violet kettle drums at noon";

    /// <summary>The journey with every rate limit at its shipped default, not lifted as elsewhere.</summary>
    public sealed class DefaultLimitsApp : JourneyApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var (name, limit) in new RateLimitOptions().All())
            {
                Settings[$"RateLimits:{name}:Limit"] = limit.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Settings[$"RateLimits:{name}:Window"] = limit.Window.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    [Fact]
    public async Task After_parallel_code_requests_wrong_codes_and_starts_the_owner_resets_with_the_newest_emailed_code()
    {
        var customer = await app.CreateCustomerAsync();
        var attacker = new Attacker(app, Networks(1));

        // 1. One ticket, seven parallel code requests: one e-mail, and only that one counts.
        var first = await attacker.StartAsync(customer.Email);
        var sends = await Task.WhenAll(Enumerable.Range(0, 7).Select(_ => attacker.SendCodeAsync(first)));
        sends.Count(s => s == HttpStatusCode.Accepted).ShouldBe(1);
        sends.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(6);

        // 2. Two tickets with five wrong codes each: the account's daily budget of wrong codes is spent.
        foreach (var login in new[] { customer.Email, customer.MemberId })
        {
            var ticket = await attacker.StartAsync(login);
            (await attacker.SendCodeAsync(ticket)).ShouldBe(HttpStatusCode.Accepted);
            for (var i = 0; i < 5; i++)
            {
                (await attacker.GuessAsync(ticket, $"{i:D6}")).ShouldBe(HttpStatusCode.BadRequest);
            }
        }

        // 3. Starts for the login until its limit answers: the attacker's network has spent its five an hour.
        var emailStarts = 2;
        while (await attacker.TryStartAsync(customer.Email) is not null)
        {
            emailStarts++;
        }

        emailStarts.ShouldBe(new RateLimitOptions().StartPerLoginAndNetwork.Limit);

        await OwnerResetsAsync(customer);
        // Three codes the attacker asked for, then the owner's: a long one, since the budget of wrong codes is spent.
        CodeEmailCount(customer).ShouldBe(4);
        (await app.ReceiveCodeAsync(customer.Email, 4)).Length.ShouldBe(11);
    }

    [Fact]
    public async Task Twenty_human_checks_an_hour_from_sixteen_addresses_do_not_keep_the_owner_out()
    {
        var customer = await app.CreateCustomerAsync();
        var attacker = new Attacker(app, Networks(16));

        // Twenty tickets, the most twenty solved human checks give: each asks for a code (spending the
        // mailbox's send budget) and guesses wrong five times (spending the wrong-code budget).
        for (var i = 0; i < 20; i++)
        {
            var ticket = await attacker.StartAsync(i % 2 == 0 ? customer.Email : customer.MemberId);
            (await attacker.SendCodeAsync(ticket)).ShouldBe(HttpStatusCode.Accepted);
            for (var guess = 0; guess < 5; guess++)
            {
                (await attacker.GuessAsync(ticket, (i * 5 + guess).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(HttpStatusCode.BadRequest);
            }
        }

        await OwnerResetsAsync(customer);
        // The mailbox got at most its send budget of codes, however many were asked for.
        CodeEmailCount(customer).ShouldBe(new RateLimitOptions().SendCodePerDestination.Limit);
    }

    /// <summary>The owner, from a network of their own, asks for a code, types the newest one the mailbox holds, and sets a password.</summary>
    private async Task OwnerResetsAsync(Customer customer)
    {
        var owner = new Attacker(app, Networks(1));
        var ticket = await owner.StartAsync(customer.Email);
        (await owner.SendCodeAsync(ticket)).ShouldBe(HttpStatusCode.Accepted);

        var newest = await NewestCodeAsync(customer.Email);
        using var verified = await owner.Client().PostAsJsonAsync($"/api/v1/password-resets/{ticket}/verification", new { code = newest });
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString()!;
        using var changed = await owner.Client().PostAsJsonAsync($"/api/v1/password-resets/{ticket}/password",
            new { resetToken = token, newPassword = NewPassword, confirmPassword = NewPassword });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    /// <summary>E-mails with a code the mailbox received (not the "password changed" notice).</summary>
    private int CodeEmailCount(Customer customer) => app.Smtp.To(customer.Email).Count(m => CodeEmails.CodeIn(m) is not null);

    /// <summary>The code of the last e-mail to arrive, once the outbox has sent everything queued.</summary>
    private async Task<string> NewestCodeAsync(string email)
    {
        var count = 0;
        for (var settled = 0; settled < 10; settled++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            var now = app.Smtp.To(email).Count();
            settled = now == count ? settled : 0;
            count = now;
        }

        return await app.ReceiveCodeAsync(email, count);
    }

    // Counters outlive a test run in the test Redis, so each run picks networks no earlier run used, likely.
    private static int _nextNetwork = Random.Shared.Next(0, 60_000);

    /// <summary>Client addresses in as many /24 networks, new for each call.</summary>
    private static IPAddress[] Networks(int count) =>
    [
        .. Enumerable.Range(0, count).Select(_ =>
        {
            var n = Interlocked.Increment(ref _nextNetwork);
            return new IPAddress([10, (byte)(n >> 8 & 0x7F | 0x80), (byte)n, 7]);
        }),
    ];

    /// <summary>
    /// Someone calling the public API from the given addresses in turn. Every request names its
    /// address: the test Redis's counters for the loopback address are shared with the other tests.
    /// </summary>
    private sealed class Attacker(JourneyApp app, IPAddress[] addresses)
    {
        private int _next;

        public async Task<string> StartAsync(string login) =>
            await TryStartAsync(login) ?? throw new ShouldAssertException($"Starting a reset for {login} was refused.");

        public async Task<string?> TryStartAsync(string login)
        {
            using var response = await Client().PostAsJsonAsync("/api/v1/password-resets", new { login, humanCheckToken = "solved" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return null;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString();
        }

        public async Task<HttpStatusCode> SendCodeAsync(string ticketId)
        {
            using var response = await Client().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/codes", new { method = "email" });
            return response.StatusCode;
        }

        public async Task<HttpStatusCode> GuessAsync(string ticketId, string code)
        {
            using var response = await Client().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/verification", new { code });
            return response.StatusCode;
        }

        public HttpClient Client()
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add(ResetApp.PeerHeader, addresses[Interlocked.Increment(ref _next) % addresses.Length].ToString());
            return client;
        }
    }
}
