using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reset.Infrastructure.Persistence;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.Http;

/// <summary>A mobile app retries a POST on a flaky network: the same key and body get the first answer again.</summary>
public sealed class IdempotencyTests(JourneyApp app) : IClassFixture<JourneyApp>
{
    [Fact]
    public async Task A_retried_start_with_the_same_key_and_body_gets_the_first_answer_and_starts_one_ticket()
    {
        var customer = await app.CreateCustomerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { login = customer.Email, humanCheckToken = "t" };

        using var first = await PostAsync("/api/v1/password-resets", body, key);
        using var retry = await PostAsync("/api/v1/password-resets", body, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        retry.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<ResetDbContext>().AuditEvents
            .CountAsync(e => e.UserId == customer.Id, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task A_claim_whose_request_never_answered_lapses_within_seconds_while_an_answer_is_kept_as_long_as_asked()
    {
        var store = app.Services.GetRequiredService<Reset.Infrastructure.Redis.IdempotencyStore>();
        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var pendingScope = "/test/pending/" + Guid.NewGuid();
        var answeredScope = "/test/answered/" + Guid.NewGuid();
        var key = Guid.NewGuid().ToString();
        byte[] hash = [1, 2, 3];

        (await store.TryClaimAsync(pendingScope, key, hash)).ShouldBeTrue();
        (await store.TryClaimAsync(answeredScope, key, hash)).ShouldBeTrue();
        await store.StoreAsync(answeredScope, key, hash, new Reset.Infrastructure.Redis.StoredAnswer(201, null, null, null, []), TimeSpan.FromMinutes(30));

        var ttls = new List<TimeSpan>();
        foreach (var stored in await RedisTopology.KeysAsync(app.Services.GetRequiredService<IConnectionMultiplexer>(), "idem:*"))
        {
            ttls.Add((await redis.KeyTimeToLiveAsync(stored))!.Value);
        }

        ttls.ShouldContain(ttl => ttl > TimeSpan.Zero && ttl <= Reset.Infrastructure.Redis.IdempotencyStore.PendingLifetime,
            "a claim left behind by a failed release must not block retries for a day");
        ttls.ShouldContain(ttl => ttl > TimeSpan.FromMinutes(29) && ttl <= TimeSpan.FromMinutes(30));
        (await store.ReadStateAsync(pendingScope, key, hash)).State.ShouldBe(Reset.Infrastructure.Redis.IdempotencyState.Pending);
    }

    [Fact]
    public async Task The_same_key_with_another_body_answers_422()
    {
        var key = Guid.NewGuid().ToString();
        (await PostAsync("/api/v1/password-resets", new { login = "someone@example.com", humanCheckToken = "t" }, key)).Dispose();

        using var other = await PostAsync("/api/v1/password-resets", new { login = "someone.else@example.com", humanCheckToken = "t" }, key);

        (await ProblemDetailsTests.ShouldBeProblemAsync(other, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString().ShouldBe("idempotency_key_reused");
    }

    [Fact]
    public async Task A_retried_verification_gets_the_same_reset_token_which_redis_holds_only_encrypted()
    {
        var customer = await app.CreateCustomerAsync();
        var ticketId = await app.StartTicketAsync(customer.Email);
        await app.SendCodeAsync(ticketId);
        var code = await app.ReceiveCodeAsync(customer.Email);
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync($"/api/v1/password-resets/{ticketId}/verification", new { code }, key);
        using var retry = await PostAsync($"/api/v1/password-resets/{ticketId}/verification", new { code }, key);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString()!;
        (await retry.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("resetToken").GetString().ShouldBe(token);

        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        var stored = await RedisTopology.KeysAsync(redis, "idem:*");
        stored.ShouldNotBeEmpty();
        foreach (var storedKey in stored)
        {
            ((string?)await redis.GetDatabase().StringGetAsync(storedKey) ?? string.Empty).ShouldNotContain(token);
        }
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef!")]
    [InlineData("ключ")]
    public async Task A_key_that_is_not_visible_ascii_is_a_validation_failure(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/password-resets")
        {
            Content = JsonContent.Create(new { login = "someone@example.com", humanCheckToken = "t" }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        (await ProblemDetailsTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("code").GetString().ShouldBe("validation_failed");
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }
}
