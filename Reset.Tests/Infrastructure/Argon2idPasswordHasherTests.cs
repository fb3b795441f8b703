using Microsoft.Extensions.Options;
using Reset.Infrastructure.Hashing;

namespace Reset.Tests.Infrastructure;

public sealed class Argon2idPasswordHasherTests : IDisposable
{
    private readonly Argon2idPasswordHasher _hasher = new(Options.Create(new PasswordHashingOptions()));

    /// <summary>Ends the hasher's threads.</summary>
    public void Dispose() => _hasher.Dispose();

    [Fact]
    public async Task Hash_is_a_PHC_string_with_OWASP_parameters()
    {
        var hash = await _hasher.HashAsync("correct horse battery staple", TestContext.Current.CancellationToken);

        hash.ShouldStartWith("$argon2id$v=19$m=19456,t=2,p=1$");
        hash.ShouldNotContain('\0');
        hash.Split('$').Length.ShouldBe(6);
    }

    [Fact]
    public async Task Hash_verifies_with_a_second_independent_Argon2id_implementation()
    {
        var hash = await _hasher.HashAsync("Zürich straße 12 ✓", TestContext.Current.CancellationToken);

        Isopoh.Cryptography.Argon2.Argon2.Verify(hash, "Zürich straße 12 ✓").ShouldBeTrue();
        Isopoh.Cryptography.Argon2.Argon2.Verify(hash, "Zurich strasse 12").ShouldBeFalse();
    }

    [Fact]
    public async Task Hash_made_by_a_second_implementation_verifies_here()
    {
        var foreign = Isopoh.Cryptography.Argon2.Argon2.Hash(
            "imported password", timeCost: 2, memoryCost: 19456, parallelism: 1,
            type: Isopoh.Cryptography.Argon2.Argon2Type.HybridAddressing);

        (await _hasher.VerifyAsync(foreign, "imported password", TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await _hasher.VerifyAsync(foreign, "imported passworD", TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text")]
    [InlineData("$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$bm90LWEtaGFzaA")]
    public async Task Anything_that_is_not_an_Argon2id_hash_never_verifies(string stored)
    {
        (await _hasher.VerifyAsync(stored, "plain-text", TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task Two_hashes_of_one_password_differ_by_their_salt()
    {
        var first = await _hasher.HashAsync("same password", TestContext.Current.CancellationToken);
        var second = await _hasher.HashAsync("same password", TestContext.Current.CancellationToken);

        first.ShouldNotBe(second);
    }
}
