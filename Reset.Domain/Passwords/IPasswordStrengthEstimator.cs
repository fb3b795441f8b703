namespace Reset.Domain.Passwords;

/// <summary>Estimates how hard a password is to guess (zxcvbn's scale).</summary>
public interface IPasswordStrengthEstimator
{
    /// <param name="password">The NFKC-normalised password.</param>
    /// <param name="userInputs">Words an attacker would try first: the login, the e-mail's local part, the shop's name.</param>
    /// <returns>0 (guessable in under 10³ tries) to 4 (more than 10¹⁰ tries).</returns>
    int Score(string password, IReadOnlyCollection<string> userInputs);
}
