namespace Reset.Domain.Passwords;

/// <summary>
/// What is known about the customer choosing a password, so it can be kept out of the password.
/// Nothing secret belongs here: it may be logged.
/// </summary>
/// <param name="Login">The login as the customer typed it, if any.</param>
/// <param name="Email">The account's (or the typed) e-mail address, if known.</param>
/// <param name="MemberId">The account's (or the typed) member ID, if known.</param>
public sealed record PasswordContext(string? Login = null, string? Email = null, string? MemberId = null)
{
    public static PasswordContext None { get; } = new();
}
