using Microsoft.Extensions.Options;
using Reset.Infrastructure.Hashing;

namespace Reset.Tests.Infrastructure;

/// <summary>
/// The hashes the internal API accepts from a shop are exactly those the service's own hasher can
/// verify: made by another Argon2id library, with parameters other than the service's.
/// </summary>
public sealed class Argon2idPhcTests : IDisposable
{
    private static readonly PasswordHashingOptions Limits = new();

    private readonly Argon2idPasswordHasher _hasher = new(Options.Create(new PasswordHashingOptions()));

    /// <summary>Ends the hasher's threads.</summary>
    public void Dispose() => _hasher.Dispose();

    [Theory]
    [InlineData(19456, 2, 1)]
    [InlineData(65536, 3, 4)]
    [InlineData(4096, 1, 2)]
    public async Task A_hash_from_another_library_is_accepted_and_verifies_with_its_own_parameters(int memoryKiB, int iterations, int lanes)
    {
        var hash = Isopoh.Cryptography.Argon2.Argon2.Hash("imported pass phrase", timeCost: iterations, memoryCost: memoryKiB,
            parallelism: lanes, type: Isopoh.Cryptography.Argon2.Argon2Type.HybridAddressing);

        Argon2idPhc.FindProblem(hash, Limits).ShouldBeNull();
        hash.ShouldContain($"m={memoryKiB},t={iterations},p={lanes}");
        (await _hasher.VerifyAsync(hash, "imported pass phrase", TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await _hasher.VerifyAsync(hash, "imported pass phrasE", TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_hash_of_this_service_is_accepted()
    {
        var hash = await _hasher.HashAsync("own pass phrase", TestContext.Current.CancellationToken);

        Argon2idPhc.FindProblem(hash, Limits).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "Argon2id PHC string")]
    [InlineData("plain text password", "Argon2id PHC string")]
    [InlineData("$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "Argon2id PHC string")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "Argon2id PHC string")]
    [InlineData("$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "version 19")]
    [InlineData("$argon2id$v=19$t=2,m=19456,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "m=<KiB>")]
    [InlineData("$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "costs more")]
    [InlineData("$argon2id$v=19$m=19456,t=100,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "costs more")]
    [InlineData("$argon2id$v=19$m=16,t=2,p=4$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "m ≥ 8·p")]
    [InlineData("$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "t ≥ 1")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "salt")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$c2hvcnQ", "hash of 16")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA==$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM", "salt")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM$extra", "form")]
    public void Anything_the_hasher_could_not_verify_or_would_struggle_with_is_refused(string? phc, string because)
    {
        Argon2idPhc.FindProblem(phc, Limits).ShouldNotBeNull().ShouldContain(because);
    }

    [Fact]
    public void A_refusal_never_quotes_the_hash()
    {
        const string Hash = "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0zXl3wWm7T1bIuG2vC9kHq8Yd5FjRrEaNpLs4oUx6tM";

        Argon2idPhc.FindProblem(Hash, Limits).ShouldNotBeNull().ShouldNotContain("c29tZXNhbHRzb21lc2FsdA");
    }
}
