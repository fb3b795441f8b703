namespace Reset.Domain.Passwords.Rules;

/// <summary>One rule of the password policy, named as a sentence; built for one candidate, then asked.</summary>
internal interface IPasswordRule
{
    bool IsBroken();

    /// <summary>What to tell the customer when <see cref="IsBroken"/>.</summary>
    PasswordViolation Violation { get; }
}
