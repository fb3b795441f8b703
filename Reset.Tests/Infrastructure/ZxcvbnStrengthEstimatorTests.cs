using System.Diagnostics;
using Reset.Infrastructure.Passwords;

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
        // Unbounded, zxcvbn takes about 10 s for 1,024 characters on this machine; the head of 100 takes < 0.1 s.
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void A_surrogate_pair_at_the_cut_is_not_split()
    {
        var password = new string('k', ZxcvbnStrengthEstimator.MaxScoredLength - 1) + "\U0001F511" + "tail";

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
}
