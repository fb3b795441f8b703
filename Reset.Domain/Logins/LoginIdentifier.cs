namespace Reset.Domain.Logins;

/// <summary>
/// What a customer types in the "login" field: their e-mail address or their member ID.
/// Anything with an '@' is read as an e-mail address; everything else as a member ID.
/// </summary>
public sealed record LoginIdentifier
{
    private LoginIdentifier(EmailAddress? email, MemberId? memberId)
    {
        Email = email;
        MemberId = memberId;
    }

    public EmailAddress? Email { get; }

    public MemberId? MemberId { get; }

    public bool IsEmail => Email is not null;

    /// <summary>
    /// The form used for per-account counters and rate limits: the same for every spelling of one
    /// login, and computed the same way whether or not an account exists.
    /// </summary>
    public string Normalized => IsEmail ? "email:" + Email!.Value.ToLowerInvariant() : "member:" + MemberId!.Value;

    public static bool TryParse(string? text, out LoginIdentifier login)
    {
        login = null!;
        if (text is null)
        {
            return false;
        }

        if (text.Contains('@'))
        {
            if (!EmailAddress.TryParse(text, out var email))
            {
                return false;
            }

            login = new LoginIdentifier(email, null);
            return true;
        }

        if (!MemberId.TryParse(text, out var memberId))
        {
            return false;
        }

        login = new LoginIdentifier(null, memberId);
        return true;
    }

    /// <summary>
    /// Where a code would go, as the customer may see it: the masked address they typed, or
    /// <c>null</c> for a member ID (masking the account's address would tell a stranger part of it).
    /// </summary>
    public string? MaskedDestination => Email is null ? null : EmailMask.Mask(Email);

    public override string ToString() => IsEmail ? Email!.Value : MemberId!.Value;
}
