namespace Reset.Domain.Passwords;

/// <summary>The policy's verdict on one password. Holds no part of the password.</summary>
/// <param name="Score">The strength estimate, 0 (easily guessed) to 4 (very hard to guess).</param>
/// <param name="Violations">Every rule the password breaks; empty when it is acceptable.</param>
public sealed record PasswordEvaluation(int Score, IReadOnlyList<PasswordViolation> Violations)
{
    /// <summary>Derived, so a verdict can never be "acceptable" with a violation or the reverse.</summary>
    public bool Acceptable => Violations.Count == 0;
}
