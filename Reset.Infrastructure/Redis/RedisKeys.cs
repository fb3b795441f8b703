namespace Reset.Infrastructure.Redis;

/// <summary>
/// Key names. All keys of one ticket share the hash tag {ticketId}, and all keys of one account the
/// tag {accountMac}, so every multi-key script touches one hash slot and runs on Redis Cluster.
/// </summary>
internal static class RedisKeys
{
    public static string Ticket(string ticketId) => $"rst:{{{ticketId}}}";

    public static string Token(string ticketId) => $"rst:{{{ticketId}}}:token";

    public static string AccountTickets(string accountMac) => $"rst:acct:{{{accountMac}}}:tickets";

    public static string AccountWrongCodes(string accountMac) => $"rst:acct:{{{accountMac}}}:wrong";

    /// <summary>The newest code e-mailed to the account's mailbox: it verifies on any of the account's tickets.</summary>
    public static string AccountCode(string accountMac) => $"rst:acct:{{{accountMac}}}:code";

    /// <summary>Codes e-mailed to the account's mailbox in the send window.</summary>
    public static string AccountCodesSent(string accountMac) => $"rst:acct:{{{accountMac}}}:sent";

    public static string RateLimit(string policy, string subjectMac) => $"rl:{{{subjectMac}}}:{policy}";

    /// <summary>A narrower counter of the same subject, in the same hash slot (e.g. a login from one network).</summary>
    public static string RateLimit(string policy, string subjectMac, string partMac) => $"rl:{{{subjectMac}}}:{policy}:{partMac}";
}
