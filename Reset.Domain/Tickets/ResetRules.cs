namespace Reset.Domain.Tickets;

/// <summary>
/// The numbers of a password reset, from OWASP's Forgot Password cheat sheet, ASVS V2.5/V2.7 and
/// NIST SP 800-63B. Each is configurable (section "PasswordReset"); these are the defaults.
/// </summary>
public sealed class ResetRules
{
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxCodesPerTicket { get; set; } = 3;

    /// <summary>Wrong codes that lock a ticket. A resend does not reset the count.</summary>
    public int MaxWrongCodesPerTicket { get; set; } = 5;

    /// <summary>Wrong codes per account across all its tickets, whatever the client address.</summary>
    public int MaxWrongCodesPerAccount { get; set; } = 10;

    public TimeSpan WrongCodeWindow { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Password submissions one reset token allows, refused ones included; the next one finds it
    /// spent. Bounds what a token holder can try (and what the tries cost) before starting over.
    /// </summary>
    public int MaxPasswordSubmissionsPerToken { get; set; } = 5;

    /// <summary>Names the first rule that is out of range, or returns null.</summary>
    public string? FindInvalid()
    {
        if (TicketLifetime < TimeSpan.FromMinutes(1) || TicketLifetime > TimeSpan.FromHours(24))
        {
            return nameof(TicketLifetime) + " must be between 00:01:00 and 1.00:00:00";
        }

        if (CodeLifetime < TimeSpan.FromSeconds(30) || CodeLifetime > TicketLifetime)
        {
            return nameof(CodeLifetime) + " must be at least 00:00:30 and no longer than TicketLifetime";
        }

        if (ResendCooldown < TimeSpan.Zero || ResendCooldown >= CodeLifetime)
        {
            return nameof(ResendCooldown) + " must be zero or more and shorter than CodeLifetime";
        }

        if (MaxCodesPerTicket is < 1 or > 10)
        {
            return nameof(MaxCodesPerTicket) + " must be between 1 and 10";
        }

        if (MaxWrongCodesPerTicket is < 1 or > 10)
        {
            return nameof(MaxWrongCodesPerTicket) + " must be between 1 and 10";
        }

        if (MaxWrongCodesPerAccount < MaxWrongCodesPerTicket || MaxWrongCodesPerAccount > 100)
        {
            return nameof(MaxWrongCodesPerAccount) + " must be at least MaxWrongCodesPerTicket and at most 100";
        }

        if (WrongCodeWindow < TimeSpan.FromMinutes(1))
        {
            return nameof(WrongCodeWindow) + " must be at least 00:01:00";
        }

        if (ResetTokenLifetime < TimeSpan.FromMinutes(1) || ResetTokenLifetime > TimeSpan.FromHours(1))
        {
            return nameof(ResetTokenLifetime) + " must be between 00:01:00 and 01:00:00";
        }

        if (MaxPasswordSubmissionsPerToken is < 1 or > 20)
        {
            return nameof(MaxPasswordSubmissionsPerToken) + " must be between 1 and 20";
        }

        return null;
    }
}
