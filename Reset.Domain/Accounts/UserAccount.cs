using Reset.Domain.Logins;

namespace Reset.Domain.Accounts;

/// <summary>
/// A storefront customer as this service sees it: how to find them (e-mail, member ID), where to
/// send a code, and the password hash it may replace.
/// </summary>
public sealed class UserAccount
{
    private UserAccount()
    {
        Email = string.Empty;
        PasswordHash = string.Empty;
        SecurityStamp = string.Empty;
        PreferredLocale = DefaultLocale;
    }

    public const string DefaultLocale = "en";

    public Guid Id { get; private set; }

    public string Email { get; private set; }

    public string? MemberId { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Argon2id in the PHC string format: <c>$argon2id$v=19$m=…,t=…,p=…$salt$hash</c>.</summary>
    public string PasswordHash { get; private set; }

    public DateTimeOffset PasswordChangedAt { get; private set; }

    /// <summary>Changes with every password change, so other services can end old sessions.</summary>
    public string SecurityStamp { get; private set; }

    public AccountStatus Status { get; private set; }

    public string PreferredLocale { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool MayResetPassword => Status == AccountStatus.Active;

    public static UserAccount Register(
        Guid id, EmailAddress email, MemberId? memberId, string passwordHash, DateTimeOffset now, string? locale = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return new UserAccount
        {
            Id = id,
            Email = email.Value,
            MemberId = memberId?.Value,
            PasswordHash = passwordHash,
            PasswordChangedAt = now,
            SecurityStamp = NewSecurityStamp(),
            Status = AccountStatus.Active,
            PreferredLocale = string.IsNullOrWhiteSpace(locale) ? DefaultLocale : locale,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Stores a new password hash and rotates the security stamp.</summary>
    public void ChangePassword(string newPasswordHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newPasswordHash);
        if (!MayResetPassword)
        {
            throw new InvalidOperationException($"An account that is {Status} cannot change its password here.");
        }

        PasswordHash = newPasswordHash;
        PasswordChangedAt = now;
        SecurityStamp = NewSecurityStamp();
        UpdatedAt = now;
    }

    /// <summary>The shop locks, disables or reactivates the account.</summary>
    public void ChangeStatus(AccountStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }

    private static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}
