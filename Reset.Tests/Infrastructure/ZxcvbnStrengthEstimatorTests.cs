using System.Diagnostics;
using Reset.Infrastructure.Passwords;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Infrastructure;

public sealed class ZxcvbnStrengthEstimatorTests
{
    private readonly ZxcvbnStrengthEstimator _estimator = new();

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("            ")]
    public void Guessable_passwords_score_0(string password)
    {
        _estimator.Score(password, []).ShouldBe(0);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("blue cactus river lamp")]
    [InlineData("Kt9!pW2@mNqz")]
    public void Unrelated_words_and_random_characters_score_at_least_3(string password)
    {
        _estimator.Score(password, []).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void User_inputs_lower_the_score_of_a_password_built_on_them()
    {
        var without = _estimator.Score("johnsmith-2024!xq", []);
        var with = _estimator.Score("johnsmith-2024!xq", ["johnsmith"]);

        with.ShouldBeLessThan(without);
    }

    [Fact]
    public void A_very_long_password_is_scored_in_bounded_time()
    {
        var random = new Random(42);
        var password = new string([.. Enumerable.Range(0, 4096).Select(_ => (char)random.Next(33, 127))]);
        _estimator.Score("warm-up", []);

        var stopwatch = Stopwatch.StartNew();
        var score = _estimator.Score(password, []);

        score.ShouldBe(4);
        // Unbounded, zxcvbn takes about 10 s for 1,024 characters on this machine.
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void The_longest_password_costs_at_most_10_ms_of_CPU_whatever_its_characters()
    {
        // 128 code points of each kind that makes zxcvbn work hardest or differently. Scored whole up
        // to 100 UTF-16 units, as before, they took 20-60 ms of CPU each here.
        var passwords = LongPasswords(perKind: 12).ToList();
        foreach (var password in passwords.Take(8))
        {
            _estimator.Score(password, ["customer"]); // JIT and zxcvbn's dictionaries, not measured
        }

        var cpuBefore = ThreadCpu.Now();
        foreach (var password in passwords)
        {
            _estimator.Score(password, ["customer"]);
        }

        var average = (ThreadCpu.Now() - cpuBefore) / passwords.Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"{average.TotalMilliseconds:F2} ms of CPU per 128-code-point password");
        average.ShouldBeLessThan(TimeSpan.FromMilliseconds(10));
    }

    [Theory]
    [InlineData("password", 0)]
    [InlineData("p4$$w0rd", 0)]
    [InlineData("abcdefghijklmnopqrstuvwxyz", 2)]
    [InlineData("1234567890", 2)]
    [InlineData("a", 0)]
    public void A_long_repetition_stays_weak(string unit, int atMost)
    {
        var password = string.Concat(Enumerable.Repeat(unit, (128 / unit.Length) + 1))[..128];

        _estimator.Score(password, []).ShouldBeLessThanOrEqualTo(atMost);
    }

    [Fact]
    public void Long_random_passwords_of_every_kind_score_4()
    {
        foreach (var password in LongPasswords(perKind: 3).Where(p => !p.StartsWith("password", StringComparison.Ordinal)))
        {
            _estimator.Score(password, []).ShouldBe(4, password);
        }
    }

    [Fact]
    public void Adding_characters_never_lowers_the_score()
    {
        foreach (var password in new[] { "passwordpasswordpasswordpassword" + "sunshine dragon 1990 qwerty", LongPasswords(perKind: 1).First() })
        {
            var runes = password.EnumerateRunes().Select(r => r.ToString()).ToList();
            var previous = 0;
            for (var length = 12; length <= runes.Count; length++)
            {
                var score = _estimator.Score(string.Concat(runes.Take(length)), []);
                score.ShouldBeGreaterThanOrEqualTo(previous, $"at {length} code points");
                previous = score;
            }
        }
    }

    [Fact]
    public void The_entropy_to_score_mapping_is_zxcvbns_own()
    {
        var zxcvbn = new Zxcvbn.Zxcvbn();
        var random = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 password!@#";
        for (var i = 0; i < 500; i++)
        {
            var password = new string([.. Enumerable.Range(0, random.Next(4, 24)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var result = zxcvbn.EvaluatePassword(password, []);
            ZxcvbnStrengthEstimator.ScoreOf(result.Entropy).ShouldBe(result.Score, password);
        }
    }

    [Fact]
    public void A_surrogate_pair_at_the_cut_is_not_split()
    {
        var password = new string('k', ZxcvbnStrengthEstimator.ScoredCodePoints - 1) + "\U0001F511" + "tail";

        Should.NotThrow(() => _estimator.Score(password, []));
    }

    [Fact]
    public void One_estimator_serves_parallel_requests_alike()
    {
        var scores = new int[64];
        Parallel.For(0, scores.Length, i => scores[i] = _estimator.Score(i % 2 == 0 ? "password1234" : "blue cactus river lamp", ["john"]));

        scores.Where((_, i) => i % 2 == 0).ShouldAllBe(s => s == 0);
        scores.Where((_, i) => i % 2 == 1).ShouldAllBe(s => s >= 3);
    }

    /// <summary>128 random code points of each kind, and a common word repeated to that length.</summary>
    private static IEnumerable<string> LongPasswords(int perKind)
    {
        string[] kinds =
        [
            new([.. Enumerable.Range(33, 94).Select(i => (char)i)]), // printable ASCII
            "4@8({[<36!|1705$+%2", // the characters zxcvbn's l33t matcher substitutes
            "0123456789",
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            "\U0001F600\U0001F601\U0001F602\U0001F923\U0001F603\U0001F604\U0001F605\U0001F606\U0001F609\U0001F60A", // emoji: surrogate pairs
            "的一是不了人我在有他这为之大来以个中上们",
        ];
        var random = new Random(2024);
        foreach (var kind in kinds)
        {
            var symbols = kind.EnumerateRunes().Select(r => r.ToString()).ToArray();
            for (var i = 0; i < perKind; i++)
            {
                yield return string.Concat(Enumerable.Range(0, 128).Select(_ => symbols[random.Next(symbols.Length)]));
            }
        }

        for (var i = 0; i < perKind; i++)
        {
            yield return string.Concat(Enumerable.Repeat("password", 16));
        }
    }
}
