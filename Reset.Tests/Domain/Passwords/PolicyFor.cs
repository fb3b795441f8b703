using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

/// <summary>A policy with the real blocklist and a strength estimator whose score a test chooses.</summary>
internal static class PolicyFor
{
    public static PasswordPolicy Tests(PasswordPolicySettings? settings = null, int score = 4) =>
        new(settings ?? new PasswordPolicySettings(), new EmbeddedPasswordBlocklist(), new FixedScore(score));

    public static IEnumerable<string> Codes(this PasswordEvaluation evaluation) => evaluation.Violations.Select(v => v.Code);
}

/// <summary>Gives the same score to every password and remembers the user inputs it was handed.</summary>
internal sealed class FixedScore(int score) : IPasswordStrengthEstimator
{
    public string? LastPassword { get; private set; }

    public IReadOnlyCollection<string> LastUserInputs { get; private set; } = [];

    public int Score(string password, IReadOnlyCollection<string> userInputs)
    {
        LastPassword = password;
        LastUserInputs = userInputs;
        return score;
    }
}
