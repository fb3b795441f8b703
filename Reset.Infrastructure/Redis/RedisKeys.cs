namespace Reset.Infrastructure.Redis;

/// <summary>
/// Key names. All keys of one ticket share the hash tag {ticketId}, and all keys of one account the
/// tag {accountMac}, so every multi-key script touches one hash slot and runs on Redis Cluster.
/// </summary>
internal static class RedisKeys
{
    public static string Ticket(string ticketId) => $"rst:{{{ticketId}}}";

    public static string Code(string ticketId) => $"rst:{{{ticketId}}}:code";

    public static string Token(string ticketId) => $"rst:{{{ticketId}}}:token";

    public static string AccountTickets(string accountMac) => $"rst:acct:{{{accountMac}}}:tickets";

    public static string AccountWrongCodes(string accountMac) => $"rst:acct:{{{accountMac}}}:wrong";

    public static string RateLimit(string policy, string subjectMac) => $"rl:{{{subjectMac}}}:{policy}";
}
