using System.Text;
using Reset.Infrastructure.HumanCheck;

namespace Reset.Tests.HumanCheck;

/// <summary>
/// The formulas against the published test vectors of altcha-lib (tests/v2/pow.test.ts and
/// tests/v2/algorithms/pbkdf2.test.ts), reproduced here as literal expected values.
/// </summary>
public sealed class AltchaProtocolTests
{
    // altcha-lib's signChallenge() test: these parameters, HMAC secret "signature.secret".
    private static readonly AltchaParameters PublishedParameters = new(
        Algorithm: "PBKDF2/SHA-256",
        Cost: 1000,
        ExpiresAt: null,
        KeyLength: 32,
        KeyPrefix: "00",
        KeySignature: null,
        Nonce: "39baf91a19d671f8231217f9e28342a6",
        Salt: "5e00d5d152e1a5db7d44fb6404a40a5e");

    [Fact]
    public void Canonical_JSON_has_the_members_in_sorted_order_without_whitespace()
    {
        AltchaProtocol.CanonicalJson(PublishedParameters).ShouldBe(
            """{"algorithm":"PBKDF2/SHA-256","cost":1000,"keyLength":32,"keyPrefix":"00","nonce":"39baf91a19d671f8231217f9e28342a6","salt":"5e00d5d152e1a5db7d44fb6404a40a5e"}""");
    }

    [Fact]
    public void Canonical_JSON_places_expiry_and_key_signature_where_sorting_puts_them()
    {
        var parameters = PublishedParameters with { ExpiresAt = 1767225600, KeySignature = new string('a', 64) };

        AltchaProtocol.CanonicalJson(parameters).ShouldBe(
            """{"algorithm":"PBKDF2/SHA-256","cost":1000,"expiresAt":1767225600,"keyLength":32,"keyPrefix":"00","keySignature":"""
            + "\"" + new string('a', 64) + "\""
            + ""","nonce":"39baf91a19d671f8231217f9e28342a6","salt":"5e00d5d152e1a5db7d44fb6404a40a5e"}""");
    }

    [Fact]
    public void Challenge_signature_matches_the_published_altcha_lib_vector()
    {
        AltchaProtocol.Sign(PublishedParameters, Encoding.UTF8.GetBytes("signature.secret"))
            .ShouldBe("a10045ef3381d5516e0c3fd6bf0b90e02fab68d576ffe9e0e1c2d1cd1e404f2a");
    }

    [Theory]
    [InlineData(1, "722ede188d41e7a7c9fd5447dca6cbb84e09c15724dbaadfb5bfb37d2cd4effa")]
    [InlineData(2, "cba117f9a790022a55589d5008c9f003e49c011ff7fe34fc838788a1825524f7")]
    public void Derived_key_matches_the_published_altcha_lib_PBKDF2_vectors(int cost, string expected)
    {
        // Counter 123 after the nonce, as a big-endian uint32.
        var key = AltchaProtocol.DeriveKey(
            Convert.FromHexString("39baf91a19d671f8231217f9e28342a6"), Convert.FromHexString("5e00d5d152e1a5db7d44fb6404a40a5e"), 123, cost, 32);

        Convert.ToHexStringLower(key).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0a8737775c0f", "0a87", true)]
    [InlineData("0a8737775c0f", "0a8", true)]
    [InlineData("0a8737775c0f", "0b", false)]
    [InlineData("0a8737775c0f", "0a9", false)]
    public void Prefix_compares_hex_digits_so_odd_lengths_work(string key, string prefix, bool expected)
    {
        AltchaProtocol.StartsWithPrefix(key, prefix).ShouldBe(expected);
    }
}
