using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Http.PasswordResets;

/// <summary>Limits per client address, per login and per destination, in Redis, answered 429 with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedApp app) : IClassFixture<RateLimitTests.LimitedApp>
{
    public sealed class LimitedApp : JourneyApp
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Settings["RateLimits:StartPerClient:Limit"] = "3";
            Settings["RateLimits:StartPerClient:Window"] = "00:10:00";
            Settings["RateLimits:StartPerLogin:Limit"] = "2";
            Settings["RateLimits:StartPerLogin:Window"] = "01:00:00";
            Settings["RateLimits:SendCodePerDestination:Limit"] = "2";
            Settings["RateLimits:SendCodePerDestination:Window"] = "01:00:00";
            Settings["RateLimits:SupportPerDestination:Limit"] = "1";
            Settings["RateLimits:SupportPerDestination:Window"] = "1.00:00:00";
            Settings["Network:TrustedProxies:0"] = "10.9.0.1";
            Settings["Network:TrustedProxies:1"] = "10.8.0.0/16";
        }
    }

    [Fact]
    public async Task Too_many_resets_from_one_client_answer_429_with_retry_after()
    {
        var client = ClientWithPeer(UniqueAddress());
        for (var i = 0; i < 3; i++)
        {
            (await StartAsync(client, $"someone.{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var fourth = await StartAsync(client, $"someone.{Guid.NewGuid():N}@example.com");

        var problem = await ProblemDetailsTests.ShouldBeProblemAsync(fourth, HttpStatusCode.TooManyRequests);
        problem.GetProperty("code").GetString().ShouldBe("rate_limited");
        fourth.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 600);
        (await StartAsync(ClientWithPeer(UniqueAddress()), $"someone.{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Too_many_resets_for_one_login_answer_429_whatever_the_client()
    {
        var customer = await app.CreateCustomerAsync();
        (await StartAsync(ClientWithPeer(UniqueAddress()), customer.Email)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StartAsync(ClientWithPeer(UniqueAddress()), customer.Email.ToUpperInvariant())).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var third = await StartAsync(ClientWithPeer(UniqueAddress()), customer.Email);

        (await ProblemDetailsTests.ShouldBeProblemAsync(third, HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().ShouldBe("rate_limited");
    }

    [Fact]
    public async Task The_per_login_limit_applies_to_unknown_logins_exactly_as_to_customers()
    {
        var customer = await app.CreateCustomerAsync();
        var stranger = $"nobody.{Guid.NewGuid():N}@example.com";
        var real = new List<HttpResponseMessage>();
        var decoy = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            real.Add(await StartAsync(ClientWithPeer(UniqueAddress()), customer.Email));
            decoy.Add(await StartAsync(ClientWithPeer(UniqueAddress()), stranger));
        }

        decoy.Select(r => r.StatusCode).ShouldBe(real.Select(r => r.StatusCode));
        real.Last().StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        StartTests.HeaderNames(decoy.Last()).ShouldBe(StartTests.HeaderNames(real.Last()));
        real.Concat(decoy).ToList().ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Codes_to_one_mailbox_past_its_budget_reuse_the_newest_code_instead_of_refusing()
    {
        var customer = await app.CreateCustomerAsync();
        for (var i = 0; i < 2; i++)
        {
            var ticketId = await StartTicketAsync(ClientWithPeer(UniqueAddress()), i == 0 ? customer.Email : customer.MemberId);
            (await app.SendCodeAsync(ticketId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        var newest = await app.ReceiveCodeAsync(customer.Email, 2);
        var another = await StartTicketAsync(ClientWithPeer(UniqueAddress()), customer.MemberId.ToUpperInvariant());
        using var third = await app.SendCodeAsync(another);

        third.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        app.Smtp.To(customer.Email).Count().ShouldBe(2);
        (await app.VerifyAsync(another, newest)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Support_acknowledgements_to_one_address_are_limited()
    {
        var contact = $"contact.{Guid.NewGuid():N}@example.net";
        var first = await StartTicketAsync(ClientWithPeer(UniqueAddress()), $"someone.{Guid.NewGuid():N}@example.com");
        var second = await StartTicketAsync(ClientWithPeer(UniqueAddress()), $"someone.{Guid.NewGuid():N}@example.com");
        (await SupportAsync(first, contact)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var again = await SupportAsync(second, contact);

        (await ProblemDetailsTests.ShouldBeProblemAsync(again, HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().ShouldBe("rate_limited");
    }

    [Fact]
    public async Task Rate_limited_answers_expose_no_rate_limit_headers()
    {
        var customer = await app.CreateCustomerAsync();
        for (var i = 0; i < 2; i++)
        {
            (await StartAsync(ClientWithPeer(UniqueAddress()), customer.Email)).Dispose();
        }

        using var limited = await StartAsync(ClientWithPeer(UniqueAddress()), customer.Email);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.Select(h => h.Key).ShouldNotContain(name => name.StartsWith("RateLimit", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_untrusted_peer_is_ignored()
    {
        var untrusted = ClientWithPeer(UniqueAddress());
        for (var i = 0; i < 3; i++)
        {
            // A client that names a new address every time still counts as itself.
            untrusted.DefaultRequestHeaders.Remove("X-Forwarded-For");
            untrusted.DefaultRequestHeaders.Add("X-Forwarded-For", UniqueAddress().ToString());
            (await StartAsync(untrusted, $"someone.{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        untrusted.DefaultRequestHeaders.Remove("X-Forwarded-For");
        untrusted.DefaultRequestHeaders.Add("X-Forwarded-For", UniqueAddress().ToString());
        using var fourth = await StartAsync(untrusted, $"someone.{Guid.NewGuid():N}@example.com");

        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData("10.9.0.1")]
    [InlineData("10.8.44.7")]
    public async Task X_Forwarded_For_from_a_trusted_proxy_names_the_client(string proxy)
    {
        var viaProxy = ClientWithPeer(IPAddress.Parse(proxy));
        var customerAddress = UniqueAddress().ToString();
        for (var i = 0; i < 3; i++)
        {
            viaProxy.DefaultRequestHeaders.Remove("X-Forwarded-For");
            viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", UniqueAddress().ToString());
            (await StartAsync(viaProxy, $"someone.{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        // Three clients behind one proxy used one each; a fourth, and a repeat of one, are counted apart.
        viaProxy.DefaultRequestHeaders.Remove("X-Forwarded-For");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", customerAddress);
        for (var i = 0; i < 3; i++)
        {
            (await StartAsync(viaProxy, $"someone.{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await StartAsync(viaProxy, $"someone.{Guid.NewGuid():N}@example.com")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private HttpClient ClientWithPeer(IPAddress peer)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ResetApp.PeerHeader, peer.ToString());
        return client;
    }

    // Counters outlive a test run in the test Redis, so each run starts from a random place.
    private static int _next = Random.Shared.Next(0, 16_000_000);

    /// <summary>A 10.x address, new for each call: a client no other test (and no earlier run, likely) used.</summary>
    private static IPAddress UniqueAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([10, (byte)(n >> 16 & 0x7F | 0x80), (byte)(n >> 8), (byte)n]);
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string login) =>
        client.PostAsJsonAsync("/api/v1/password-resets", new { login, humanCheckToken = "test-token" });

    private static async Task<string> StartTicketAsync(HttpClient client, string login)
    {
        using var response = await StartAsync(client, login);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketId").GetString()!;
    }

    private Task<HttpResponseMessage> SupportAsync(string ticketId, string contactEmail) =>
        app.CreateClient().PostAsJsonAsync($"/api/v1/password-resets/{ticketId}/support-requests",
            new { contactEmail, message = "Please help." });
}
