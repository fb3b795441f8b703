using Reset.Domain.Logins;

namespace Reset.Domain.Accounts;

/// <summary>What the shop says about a customer, everything but the password: as provisioned or updated by it.</summary>
public sealed record AccountProfile
{
    public AccountProfile(EmailAddress email, MemberId? memberId, PhoneNumber? phone, string locale, AccountStatus status)
    {
        if (!Locales.IsSupported(locale))
        {
            throw new ArgumentException($"'{locale}' is not a supported locale.", nameof(locale));
        }

        Email = email;
        MemberId = memberId;
        Phone = phone;
        Locale = locale;
        Status = status;
    }

    public EmailAddress Email { get; }

    public MemberId? MemberId { get; }

    public PhoneNumber? Phone { get; }

    public string Locale { get; }

    public AccountStatus Status { get; }
}

/// <summary>What <see cref="UserAccount.UpdateProfile"/> changed.</summary>
/// <param name="StampRotated">Other services end the account's sessions when its security stamp changes.</param>
public sealed record ProfileChange(bool Changed, bool EmailChanged, bool Deactivated, bool StampRotated)
{
    /// <summary>
    /// A ticket remembers where its codes go and that the account was active when it started: after
    /// either changes, codes must not keep going to the old address, or to an account that may not reset.
    /// </summary>
    public bool VoidsOpenTickets => EmailChanged || Deactivated;
}
