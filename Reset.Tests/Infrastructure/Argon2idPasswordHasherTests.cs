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

    [Fact]
    public async Task A_stored_hash_whose_m_exceeds_the_memory_budget_is_not_computed_and_does_not_match()
    {
        using var small = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions { MaxMemoryMiB = 32 }));
        var costly = Isopoh.Cryptography.Argon2.Argon2.Hash("imported pass phrase", timeCost: 1, memoryCost: 64 * 1024, parallelism: 1,
            type: Isopoh.Cryptography.Argon2.Argon2Type.HybridAddressing);

        (await small.VerifyAsync(costly, "imported pass phrase", TestContext.Current.CancellationToken)).ShouldBeFalse();

        small.Verified.ShouldBe(0);
        (await _hasher.VerifyAsync(costly, "imported pass phrase", TestContext.Current.CancellationToken)).ShouldBeTrue("80 MiB hold it");
    }

    [Fact]
    public async Task Parallel_hashes_never_hold_more_than_the_memory_budget()
    {
        // 40 MiB hold two hashes of 19 MiB at once, whatever the thread count.
        using var bounded = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions { MaxConcurrency = 4, MaxMemoryMiB = 40 }));
        var most = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                most = Math.Max(most, bounded.MemoryInUseKiB);
                await Task.Delay(1, CancellationToken.None);
            }
        }, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => bounded.HashAsync("password " + i, TestContext.Current.CancellationToken)));
        await sampling.CancelAsync();
        await sampler;

        most.ShouldBeGreaterThan(0);
        most.ShouldBeLessThanOrEqualTo(2 * 19456);
    }

    [Theory]
    [InlineData(16, 19456, 65536, "PasswordHashing:MaxMemoryMiB")]
    [InlineData(80, 19456, 512 * 1024, "PasswordHashing:MaxImportedMemoryKiB")]
    public void A_memory_budget_that_cannot_hold_one_hash_is_refused_naming_the_setting(int budgetMiB, int memoryKiB, int importedKiB, string setting)
    {
        var result = new PasswordHashingOptionsValidator().Validate(null,
            new PasswordHashingOptions { MaxMemoryMiB = budgetMiB, MemoryKiB = memoryKiB, MaxImportedMemoryKiB = importedKiB });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain(setting);
    }

    [Fact]
    public void The_default_hashing_settings_are_valid()
    {
        new PasswordHashingOptionsValidator().Validate(null, new PasswordHashingOptions()).Succeeded.ShouldBeTrue();
    }
}
