using System.Text;
using System.Text.Json.Nodes;
using Reset.Infrastructure.HumanCheck;
using Reset.Infrastructure.Redis;
using Reset.Tests.Fixtures;
using StackExchange.Redis;

namespace Reset.Tests.HumanCheck;

/// <summary>The built-in verifier against a real Redis, with payloads built the way the altcha widget builds them.</summary>
public sealed class AltchaVerifierTests : IAsyncLifetime
{
    private const string Secret = "verifier-tests-altcha-hmac-key-of-32-chars-or-more";

    private IConnectionMultiplexer _redis = null!;
    private AltchaChallengeIssuer _issuer = null!;
    private AltchaVerifier _verifier = null!;

    public async ValueTask InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _redis = RedisConnection.Connect(servers.Redis);
        _issuer = new AltchaChallengeIssuer(AltchaTokens.Options(Secret), TimeProvider.System);
        _verifier = new AltchaVerifier(AltchaTokens.Options(Secret), ResilientRedisFor.Connection(_redis), TimeProvider.System);
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Solved_challenge_passes()
    {
        var token = AltchaTokens.Encode(AltchaTokens.SolvedPayload(_issuer.Create()));

        var result = await VerifyAsync(token);

        result.ShouldBe(HumanCheckResult.Pass());
    }

    [Fact]
    public async Task Replayed_payload_is_rejected()
    {
        var token = AltchaTokens.Encode(AltchaTokens.SolvedPayload(_issuer.Create()));
        (await VerifyAsync(token)).Passed.ShouldBeTrue();

        var replay = await VerifyAsync(token);

        replay.ShouldBe(HumanCheckResult.Fail("challenge already used"));
    }

    [Fact]
    public async Task Used_challenge_is_remembered_in_its_own_hash_slot_until_it_expires()
    {
        var challenge = _issuer.Create();
        (await VerifyAsync(AltchaTokens.Encode(AltchaTokens.SolvedPayload(challenge)))).Passed.ShouldBeTrue();

        var ttl = await _redis.GetDatabase().KeyTimeToLiveAsync($"hc:altcha:{{{challenge.Parameters.Nonce}}}");

        ttl.ShouldNotBeNull();
        ttl.Value.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Tampered_signature_is_rejected()
    {
        var payload = AltchaTokens.SolvedPayload(_issuer.Create());
        var signature = payload["challenge"]!["signature"]!.GetValue<string>();
        payload["challenge"]!["signature"] = (signature[0] == '0' ? "1" : "0") + signature[1..];

        var result = await VerifyAsync(AltchaTokens.Encode(payload));

        result.ShouldBe(HumanCheckResult.Fail("challenge signature does not match its parameters"));
    }

    [Theory]
    [InlineData("cost", "1")]
    [InlineData("expiresAt", "4102444800")]
    [InlineData("keyLength", "16")]
    [InlineData("keyPrefix", "\"00\"")]
    [InlineData("keySignature", "\"0000000000000000000000000000000000000000000000000000000000000000\"")]
    [InlineData("nonce", "\"00000000000000000000000000000000\"")]
    [InlineData("salt", "\"00000000000000000000000000000000\"")]
    public async Task Tampered_parameters_are_rejected(string member, string json)
    {
        var payload = AltchaTokens.SolvedPayload(_issuer.Create());
        payload["challenge"]!["parameters"]![member] = JsonNode.Parse(json);
        if (member == "keyLength")
        {
            // Keep the solution the length the tampered parameters ask for, so the signature is what fails.
            payload["solution"]!["derivedKey"] = payload["solution"]!["derivedKey"]!.GetValue<string>()[..32];
        }

        var result = await VerifyAsync(AltchaTokens.Encode(payload));

        result.ShouldBe(HumanCheckResult.Fail("challenge signature does not match its parameters"));
    }

    [Fact]
    public async Task Key_signature_removed_from_the_parameters_is_rejected()
    {
        var payload = AltchaTokens.SolvedPayload(_issuer.Create());
        payload["challenge"]!["parameters"]!.AsObject().Remove("keySignature");

        var result = await VerifyAsync(AltchaTokens.Encode(payload));

        result.ShouldBe(HumanCheckResult.Fail("challenge signature does not match its parameters"));
    }

    [Fact]
    public async Task Challenge_signed_with_another_secret_is_rejected()
    {
        var stranger = new AltchaChallengeIssuer(AltchaTokens.Options("another-service-altcha-hmac-key-32-chars!"), TimeProvider.System);

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.SolvedPayload(stranger.Create())));

        result.ShouldBe(HumanCheckResult.Fail("challenge signature does not match its parameters"));
    }

    [Fact]
    public async Task Expired_challenge_is_rejected()
    {
        var elevenMinutesAgo = new FixedClock(DateTimeOffset.UtcNow.AddMinutes(-11));
        var issuedThen = new AltchaChallengeIssuer(AltchaTokens.Options(Secret, lifetime: TimeSpan.FromMinutes(10)), elevenMinutesAgo);

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.SolvedPayload(issuedThen.Create())));

        result.ShouldBe(HumanCheckResult.Fail("challenge expired"));
    }

    [Fact]
    public async Task Challenge_without_expiry_is_rejected()
    {
        var parameters = AltchaTokens.Unkeyed(Secret, "0", DateTimeOffset.UtcNow.AddMinutes(5)).Parameters with { ExpiresAt = null };
        var challenge = new AltchaChallenge(parameters, AltchaProtocol.Sign(parameters, AltchaProtocol.SignatureKey(Secret)));

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.SolvedPayload(challenge)));

        result.ShouldBe(HumanCheckResult.Fail("challenge has no expiry"));
    }

    [Fact]
    public async Task Widget_test_mode_payload_is_rejected()
    {
        // Byte for byte what the altcha widget 3.x sends with its test attribute set.
        var token = AltchaTokens.Encode("""{"challenge":null,"solution":null,"test":true}""");

        var result = await VerifyAsync(token);

        result.ShouldBe(HumanCheckResult.Fail("test-mode payload"));
    }

    [Fact]
    public async Task Test_flag_on_an_otherwise_valid_payload_is_rejected()
    {
        var payload = AltchaTokens.SolvedPayload(_issuer.Create());
        payload["test"] = true;

        var result = await VerifyAsync(AltchaTokens.Encode(payload));

        result.ShouldBe(HumanCheckResult.Fail("test-mode payload"));
    }

    [Fact]
    public async Task Key_that_matches_the_counter_but_not_the_prefix_is_rejected()
    {
        // The hole in the JavaScript reference's slow path: with no key signature it re-derived the
        // key from the counter and compared it with the submitted one, but never checked the prefix,
        // so counter 0 and its key passed without any work.
        var challenge = AltchaTokens.Unkeyed(Secret, "000000", DateTimeOffset.UtcNow.AddMinutes(5));
        var p = challenge.Parameters;
        var (counter, key) = FirstCounterWhoseKeyMisses(p);

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.Payload(challenge, counter, key)));

        result.ShouldBe(HumanCheckResult.Fail("derived key does not start with the key prefix"));
    }

    [Fact]
    public async Task Challenge_without_key_signature_passes_when_the_key_is_rederived_from_the_counter()
    {
        var challenge = AltchaTokens.Unkeyed(Secret, "0", DateTimeOffset.UtcNow.AddMinutes(5));

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.SolvedPayload(challenge)));

        result.ShouldBe(HumanCheckResult.Pass());
    }

    [Fact]
    public async Task Key_with_the_prefix_but_not_from_the_counter_is_rejected()
    {
        var challenge = AltchaTokens.Unkeyed(Secret, "0", DateTimeOffset.UtcNow.AddMinutes(5));
        var (counter, key) = AltchaTokens.Solve(challenge.Parameters);
        var forged = key[..1] + new string('f', key.Length - 1);

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.Payload(challenge, counter, forged)));

        result.ShouldBe(HumanCheckResult.Fail("derived key is not the counter's key"));
    }

    [Fact]
    public async Task Key_with_the_prefix_but_not_the_signed_key_is_rejected()
    {
        var challenge = _issuer.Create();
        var (counter, key) = AltchaTokens.Solve(challenge.Parameters);
        var forged = key[..32] + new string('0', 32);

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.Payload(challenge, counter, forged)));

        result.ShouldBe(HumanCheckResult.Fail("derived key does not match the key signature"));
    }

    [Fact]
    public async Task Wrong_key_does_not_use_up_a_keyed_challenge()
    {
        var challenge = _issuer.Create();
        var (counter, key) = AltchaTokens.Solve(challenge.Parameters);
        (await VerifyAsync(AltchaTokens.Encode(AltchaTokens.Payload(challenge, counter, key[..32] + new string('0', 32))))).Passed.ShouldBeFalse();

        var result = await VerifyAsync(AltchaTokens.Encode(AltchaTokens.Payload(challenge, counter, key)));

        result.ShouldBe(HumanCheckResult.Pass());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64 at all!")]
    [InlineData("eyJ")]
    [InlineData("bnVsbA==")] // null
    [InlineData("W10=")] // []
    [InlineData("e30=")] // {}
    [InlineData("MTIz")] // 123
    [InlineData("//79/A==")] // bytes that are not UTF-8
    [InlineData("eyJjaGFsbGVuZ2UiOnRydWV9")] // {"challenge":true}
    public async Task Garbage_token_is_rejected_without_an_exception(string token)
    {
        var result = await VerifyAsync(token);

        result.Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task Huge_token_is_rejected_without_being_decoded()
    {
        var huge = AltchaTokens.Encode(new string('x', 1_000_000));

        var result = await VerifyAsync(huge);

        result.ShouldBe(HumanCheckResult.Fail("token too long"));
    }

    [Fact]
    public async Task Random_tokens_are_rejected_without_an_exception()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 1200)];
            random.NextBytes(bytes);
            var token = i % 2 == 0 ? Convert.ToBase64String(bytes) : Encoding.Latin1.GetString(bytes);

            var result = await VerifyAsync(token);

            result.Passed.ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("""{"data":{"a":1}}""")] // members this service never issues
    [InlineData("""{"memoryCost":1}""")]
    [InlineData("""{"algorithm":"PBKDF2/SHA-512"}""")]
    [InlineData("""{"cost":"10"}""")]
    [InlineData("""{"cost":10.5}""")]
    [InlineData("""{"cost":-1}""")]
    [InlineData("""{"keyPrefix":""}""")]
    [InlineData("""{"keyPrefix":"0A"}""")]
    [InlineData("""{"nonce":"XYZ"}""")]
    public async Task Parameters_outside_what_this_service_issues_are_rejected(string change)
    {
        var payload = AltchaTokens.SolvedPayload(_issuer.Create());
        foreach (var (member, value) in JsonNode.Parse(change)!.AsObject())
        {
            payload["challenge"]!["parameters"]![member] = value?.DeepClone();
        }

        var result = await VerifyAsync(AltchaTokens.Encode(payload));

        result.ShouldBe(HumanCheckResult.Fail("challenge parameters this service does not issue"));
    }

    [Theory]
    [InlineData("""{"counter":-1}""")]
    [InlineData("""{"counter":1.5}""")]
    [InlineData("""{"counter":"1"}""")]
    [InlineData("""{"counter":4294967296}""")]
    [InlineData("""{"derivedKey":"ABCDEF"}""")]
    [InlineData("""{"derivedKey":null}""")]
    public async Task Solution_of_the_wrong_form_is_rejected(string change)
    {
        var payload = AltchaTokens.SolvedPayload(_issuer.Create());
        foreach (var (member, value) in JsonNode.Parse(change)!.AsObject())
        {
            payload["solution"]![member] = value?.DeepClone();
        }

        var result = await VerifyAsync(AltchaTokens.Encode(payload));

        result.ShouldBe(HumanCheckResult.Fail("no solution of the expected shape in the payload"));
    }

    [Fact]
    public async Task Duplicate_members_are_rejected()
    {
        var json = AltchaTokens.SolvedPayload(_issuer.Create()).ToJsonString();
        var duplicated = json.Replace("\"cost\":10,", "\"cost\":10,\"cost\":10,", StringComparison.Ordinal);

        var result = await VerifyAsync(AltchaTokens.Encode(duplicated));

        result.Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task Verifier_fails_closed_when_redis_does_not_answer()
    {
        using var hung = new HungServer();
        await using var deadRedis = RedisConnection.Connect($"127.0.0.1:{hung.Port}");
        var verifier = new AltchaVerifier(AltchaTokens.Options(Secret), ResilientRedisFor.Connection(deadRedis), TimeProvider.System);
        var token = AltchaTokens.Encode(AltchaTokens.SolvedPayload(_issuer.Create()));

        var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(
            () => verifier.VerifyAsync(token, null, TestContext.Current.CancellationToken));

        exception.Message.ShouldNotContain(token);
        exception.Message.ShouldNotContain(Secret);
    }

    private Task<HumanCheckResult> VerifyAsync(string token) =>
        _verifier.VerifyAsync(token, "127.0.0.1", TestContext.Current.CancellationToken);

    private static (uint Counter, string Key) FirstCounterWhoseKeyMisses(AltchaParameters p)
    {
        for (uint counter = 0; ; counter++)
        {
            var key = Convert.ToHexStringLower(AltchaProtocol.DeriveKey(
                Convert.FromHexString(p.Nonce), Convert.FromHexString(p.Salt), counter, p.Cost, p.KeyLength));
            if (!key.StartsWith(p.KeyPrefix, StringComparison.Ordinal))
            {
                return (counter, key);
            }
        }
    }
}
