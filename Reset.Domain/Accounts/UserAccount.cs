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

    /// <summary>
    /// A customer the shop provisions: its profile, and a password hash made here from an initial
    /// password or one the shop already holds (any Argon2id PHC string).
    /// </summary>
    public static UserAccount Provision(Guid id, AccountProfile profile, string passwordHash, DateTimeOffset now)
    {
        var account = Register(id, profile.Email, profile.MemberId, passwordHash, now, profile.Locale);
        account.Phone = profile.Phone?.Value;
        account.Status = profile.Status;
        return account;
    }

    /// <summary>
    /// The shop locks, disables or reactivates the account. Locking or disabling it rotates the
    /// security stamp, so other services end its sessions.
    /// </summary>
    public void ChangeStatus(AccountStatus status, DateTimeOffset now)
    {
        if (status == Status)
        {
            return;
        }

        Status = status;
        if (status != AccountStatus.Active)
        {
            SecurityStamp = NewSecurityStamp();
        }

        UpdatedAt = now;
    }

    /// <summary>
    /// Takes the shop's view of the customer. A new e-mail address (not just another spelling of the
    /// same one) rotates the security stamp: sessions and open resets belong to the old address.
    /// </summary>
    public ProfileChange UpdateProfile(AccountProfile profile, DateTimeOffset now)
    {
        var emailChanged = !string.Equals(Email, profile.Email.Value, StringComparison.OrdinalIgnoreCase);
        var deactivated = Status == AccountStatus.Active && profile.Status != AccountStatus.Active;
        var changed = !string.Equals(Email, profile.Email.Value, StringComparison.Ordinal)
            || MemberId != profile.MemberId?.Value
            || Phone != profile.Phone?.Value
            || PreferredLocale != profile.Locale
            || Status != profile.Status;
        if (!changed)
        {
            return new ProfileChange(Changed: false, EmailChanged: false, Deactivated: false, StampRotated: false);
        }

        var stamp = SecurityStamp;
        Email = profile.Email.Value;
        MemberId = profile.MemberId?.Value;
        Phone = profile.Phone?.Value;
        PreferredLocale = profile.Locale;
        ChangeStatus(profile.Status, now);
        if (emailChanged && !deactivated)
        {
            SecurityStamp = NewSecurityStamp();
        }

        UpdatedAt = now;
        return new ProfileChange(Changed: true, emailChanged, deactivated, StampRotated: SecurityStamp != stamp);
    }

    /// <summary>
    /// The shop sets a hash it already holds, e.g. after its own password change: allowed whatever
    /// the status, and like any password change it rotates the stamp and outdates open reset tickets.
    /// Returns false when the hash is the one stored.
    /// </summary>
    public bool ReplacePasswordHash(string passwordHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (string.Equals(passwordHash, PasswordHash, StringComparison.Ordinal))
        {
            return false;
        }

        PasswordHash = passwordHash;
        PasswordChangedAt = now;
        SecurityStamp = NewSecurityStamp();
        UpdatedAt = now;
        return true;
    }

    private static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}
