namespace Reset.Domain.Passwords;

/// <summary>The policy's verdict on one password. Holds no part of the password.</summary>
/// <param name="Score">The strength estimate, 0 (easily guessed) to 4 (very hard to guess).</param>
/// <param name="Violations">Every rule the password breaks; empty when it is acceptable.</param>
public sealed record PasswordEvaluation(int Score, IReadOnlyList<PasswordViolation> Violations)
{
    /// <summary>Derived, so a verdict can never be "acceptable" with a violation or the reverse.</summary>
    public bool Acceptable => Violations.Count == 0;

    /// <summary>
    /// The same verdict with one more broken rule, for rules only the caller can check
    /// (<see cref="PasswordViolation.SameAsCurrent"/> needs the stored hash). Never acceptable.
    /// </summary>
    public PasswordEvaluation WithViolation(PasswordViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return Violations.Any(v => v.Code == violation.Code)
            ? this
            : this with { Violations = [.. Violations, violation] };
    }
}
