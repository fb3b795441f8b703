using Reset.Domain.Passwords;

namespace Reset.Infrastructure.Passwords;

/// <summary>
/// The password strength score of zxcvbn (Dropbox's estimator, the zxcvbn-core port): 0 for
/// guessable in under 10³ tries to 4 for more than 10¹⁰. One instance is shared: its pattern
/// matchers are built once and hold no state between evaluations.
/// </summary>
/// <remarks>
/// zxcvbn's cost grows faster than the length: 44–250 ms of CPU for 128 random characters here,
/// which made an anonymous endpoint a cheap way to burn the service's CPU. So only the first
/// <see cref="ScoredCodePoints"/> code points go through zxcvbn (at most ~5 ms, for emoji or l33t
/// characters), and the rest is credited by <see cref="TailEntropy"/>, which costs microseconds.
/// </remarks>
internal sealed class ZxcvbnStrengthEstimator : IPasswordStrengthEstimator
{
    /// <summary>Code points scored by zxcvbn itself; a password this short is scored exactly as before.</summary>
    internal const int ScoredCodePoints = 32;

    private readonly Zxcvbn.Zxcvbn _zxcvbn = new();

    public int Score(string password, IReadOnlyCollection<string> userInputs)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(userInputs);
        var codePoints = password.EnumerateRunes().Select(r => r.Value).ToArray();
        if (codePoints.Length <= ScoredCodePoints)
        {
            return _zxcvbn.EvaluatePassword(password, userInputs).Score;
        }

        var head = string.Concat(codePoints.Take(ScoredCodePoints).Select(char.ConvertFromUtf32));
        var scored = _zxcvbn.EvaluatePassword(head, userInputs);
        // The tail only adds entropy, and the score grows with entropy: never below the head's score.
        return Math.Max(scored.Score, ScoreOf(scored.Entropy + TailEntropy.Bits(codePoints, ScoredCodePoints)));
    }

    /// <summary>
    /// zxcvbn-core's own mapping from entropy to score: an attack of 10⁴ guesses a second, taking on
    /// average half of 2^entropy guesses, is slower than 10², 10⁴, 10⁶, 10⁸ seconds for scores 1–4.
    /// </summary>
    internal static int ScoreOf(double entropyBits)
    {
        var seconds = 0.5 * Math.Pow(2, entropyBits) * 0.0001;
        return seconds switch
        {
            < 1e2 => 0,
            < 1e4 => 1,
            < 1e6 => 2,
            < 1e8 => 3,
            _ => 4,
        };
    }
}
