using Reset.Domain.Passwords;

namespace Reset.Infrastructure.Passwords;

/// <summary>
/// The password strength score of zxcvbn (Dropbox's estimator, the zxcvbn-core port): 0 for
/// guessable in under 10³ tries to 4 for more than 10¹⁰. One instance is shared: its pattern
/// matchers are built once and hold no state between evaluations.
/// </summary>
internal sealed class ZxcvbnStrengthEstimator : IPasswordStrengthEstimator
{
    /// <summary>
    /// Only this many leading UTF-16 units are scored. zxcvbn's cost grows faster than the length
    /// (≈ 80 ms at 100, 10 s at 1,024 here), and its README advises sending only the first 100 or so
    /// characters. A password strong in its first 100 characters is strong, so the score only errs
    /// low for a long password with a weak start.
    /// </summary>
    internal const int MaxScoredLength = 100;

    private readonly Zxcvbn.Zxcvbn _zxcvbn = new();

    public int Score(string password, IReadOnlyCollection<string> userInputs)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(userInputs);
        return _zxcvbn.EvaluatePassword(Head(password), userInputs).Score;
    }

    private static string Head(string password)
    {
        if (password.Length <= MaxScoredLength)
        {
            return password;
        }

        // Never split a surrogate pair: half an emoji is not a character zxcvbn should see.
        var end = char.IsHighSurrogate(password[MaxScoredLength - 1]) ? MaxScoredLength - 1 : MaxScoredLength;
        return password[..end];
    }
}
