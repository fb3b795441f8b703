using Reset.Domain.Accounts;
using Reset.Domain.Logins;

namespace Reset.Domain.Tickets;

/// <summary>
/// One attempt to reset one account's password, from the login typed to the password set.
/// A decoy ticket stands in for a login that matched no account (or one that may not reset): it
/// answers exactly like a real one, but no code is ever sent for it and none ever verifies.
/// </summary>
public sealed class ResetTicket
{
    private ResetTicket(TicketId id, bool isDecoy, Guid? userId, string accountKey, string? destination, string? recipient,
        string locale, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        IsDecoy = isDecoy;
        UserId = userId;
        AccountKey = accountKey;
        Destination = destination;
        Recipient = recipient;
        Locale = locale;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Status = TicketStatus.Started;
    }

    public TicketId Id { get; }

    public bool IsDecoy { get; }

    public Guid? UserId { get; }

    /// <summary>
    /// Whose per-account counters this ticket feeds: the user id for a real account, the normalised
    /// login for a decoy, so limits apply the same way to logins that match nothing.
    /// </summary>
    public string AccountKey { get; }

    /// <summary>The masked address shown to the caller, or null (member ID logins).</summary>
    public string? Destination { get; }

    /// <summary>Where codes go: the account's own address. Null for decoys. Never shown.</summary>
    public string? Recipient { get; }

    public string Locale { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public TicketStatus Status { get; private set; }

    public int CodesSent { get; private set; }

    public DateTimeOffset? LastCodeSentAt { get; private set; }

    public DateTimeOffset? CodeExpiresAt { get; private set; }

    public int WrongCodes { get; private set; }

    /// <summary>Starts a ticket for a login: a real one for an account that may reset, a decoy otherwise.</summary>
    public static ResetTicket Start(TicketId id, LoginIdentifier login, UserAccount? account, DateTimeOffset now, ResetRules rules)
    {
        var expiresAt = now + rules.TicketLifetime;
        return account is { MayResetPassword: true }
            ? new ResetTicket(id, false, account.Id, AccountKeyOf(account.Id), login.MaskedDestination,
                account.Email, account.PreferredLocale, now, expiresAt)
            : new ResetTicket(id, true, null, login.Normalized, login.MaskedDestination, null,
                UserAccount.DefaultLocale, now, expiresAt);
    }

    /// <summary>The account key of a customer's real tickets.</summary>
    public static string AccountKeyOf(Guid userId) => "user:" + userId.ToString("N");

    /// <summary>Rebuilds a ticket from the store.</summary>
    public static ResetTicket Restore(TicketId id, bool isDecoy, Guid? userId, string accountKey, string? destination,
        string? recipient, string locale, DateTimeOffset createdAt, DateTimeOffset expiresAt, TicketStatus status,
        int codesSent, DateTimeOffset? lastCodeSentAt, DateTimeOffset? codeExpiresAt, int wrongCodes) =>
        new(id, isDecoy, userId, accountKey, destination, recipient, locale, createdAt, expiresAt)
        {
            Status = status,
            CodesSent = codesSent,
            LastCodeSentAt = lastCodeSentAt,
            CodeExpiresAt = codeExpiresAt,
            WrongCodes = wrongCodes,
        };

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>
    /// Whether the account's password changed after this ticket started. Such a ticket may not change
    /// it again: a completed reset voids the account's other tickets, and this holds even when voiding
    /// them failed.
    /// </summary>
    public bool PredatesPasswordChange(DateTimeOffset passwordChangedAt) => passwordChangedAt > CreatedAt;

    public int SendsRemaining(ResetRules rules) => Math.Max(0, rules.MaxCodesPerTicket - CodesSent);

    public int AttemptsRemaining(ResetRules rules) => Math.Max(0, rules.MaxWrongCodesPerTicket - WrongCodes);

    /// <summary>When the next code may be sent; the creation time when none was sent yet.</summary>
    public DateTimeOffset ResendAvailableAt(ResetRules rules) =>
        LastCodeSentAt is { } last ? last + rules.ResendCooldown : CreatedAt;

    /// <summary>Whether a code may be sent now, and if not, why (the rules a code request must pass).</summary>
    public CodeRequestDecision DecideCodeRequest(DateTimeOffset now, ResetRules rules)
    {
        if (IsExpired(now))
        {
            return CodeRequestDecision.TicketExpired;
        }

        if (Status is not (TicketStatus.Started or TicketStatus.CodeSent))
        {
            return Status == TicketStatus.Locked ? CodeRequestDecision.TicketLocked : CodeRequestDecision.WrongState;
        }

        if (SendsRemaining(rules) == 0)
        {
            return CodeRequestDecision.NoCodesLeft;
        }

        return now < ResendAvailableAt(rules) ? CodeRequestDecision.TooSoon : CodeRequestDecision.Allowed;
    }

    /// <summary>Records a sent code: a new code cancels the old one.</summary>
    public void RecordCodeSent(DateTimeOffset now, ResetRules rules)
    {
        if (DecideCodeRequest(now, rules) != CodeRequestDecision.Allowed)
        {
            throw new InvalidOperationException("A code may not be sent on this ticket now.");
        }

        CodesSent++;
        LastCodeSentAt = now;
        CodeExpiresAt = Min(now + rules.CodeLifetime, ExpiresAt);
        Status = TicketStatus.CodeSent;
    }

    /// <summary>The code lives 10 minutes, but never longer than its ticket.</summary>
    public DateTimeOffset CodeExpiryFor(DateTimeOffset now, ResetRules rules) => Min(now + rules.CodeLifetime, ExpiresAt);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

public enum CodeRequestDecision
{
    Allowed,
    TicketExpired,
    TicketLocked,
    WrongState,
    TooSoon,
    NoCodesLeft,
}
