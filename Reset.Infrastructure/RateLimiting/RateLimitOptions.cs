using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.RateLimiting;

/// <summary>One limit: at most <see cref="Limit"/> requests per <see cref="Window"/> (a fixed window in Redis).</summary>
public sealed class RateLimit
{
    public int Limit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// The limits, section "RateLimits". Per client address, per login (applied the same way whether
/// or not it belongs to an account) and per destination address, so neither one machine, nor many
/// machines aiming at one customer, can flood a mailbox or grind through codes. None of them is one a
/// stranger who knows only the login can spend on the owner's behalf: the login is limited per client
/// network under a wide cap no realistic attacker reaches, and a mailbox's spent send budget reuses
/// its newest code instead of refusing.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit StartPerClient { get; set; } = new() { Limit = 20, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Tickets for one login from anywhere: a wide cap, far above what one attacker's human checks allow.</summary>
    public RateLimit StartPerLogin { get; set; } = new() { Limit = 50, Window = TimeSpan.FromHours(1) };

    /// <summary>Tickets for one login from one client network (an IPv4 /24, an IPv6 /48).</summary>
    public RateLimit StartPerLoginAndNetwork { get; set; } = new() { Limit = 5, Window = TimeSpan.FromHours(1) };

    public RateLimit SendCodePerClient { get; set; } = new() { Limit = 20, Window = TimeSpan.FromMinutes(15) };

    /// <summary>New codes e-mailed to one account's mailbox; beyond it, its newest code is reused.</summary>
    public RateLimit SendCodePerDestination { get; set; } = new() { Limit = 6, Window = TimeSpan.FromHours(1) };

    public RateLimit VerifyPerClient { get; set; } = new() { Limit = 30, Window = TimeSpan.FromMinutes(5) };

    public RateLimit SetPasswordPerClient { get; set; } = new() { Limit = 20, Window = TimeSpan.FromMinutes(5) };

    public RateLimit SupportPerClient { get; set; } = new() { Limit = 5, Window = TimeSpan.FromHours(1) };

    public RateLimit SupportPerDestination { get; set; } = new() { Limit = 3, Window = TimeSpan.FromDays(1) };

    public RateLimit EvaluatePerClient { get; set; } = new() { Limit = 60, Window = TimeSpan.FromMinutes(1) };

    public RateLimit ChallengePerClient { get; set; } = new() { Limit = 30, Window = TimeSpan.FromMinutes(1) };

    internal IEnumerable<(string Name, RateLimit Limit)> All() =>
    [
        (nameof(StartPerClient), StartPerClient),
        (nameof(StartPerLogin), StartPerLogin),
        (nameof(StartPerLoginAndNetwork), StartPerLoginAndNetwork),
        (nameof(SendCodePerClient), SendCodePerClient),
        (nameof(SendCodePerDestination), SendCodePerDestination),
        (nameof(VerifyPerClient), VerifyPerClient),
        (nameof(SetPasswordPerClient), SetPasswordPerClient),
        (nameof(SupportPerClient), SupportPerClient),
        (nameof(SupportPerDestination), SupportPerDestination),
        (nameof(EvaluatePerClient), EvaluatePerClient),
        (nameof(ChallengePerClient), ChallengePerClient),
    ];
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        foreach (var (policy, limit) in options.All())
        {
            if (limit.Limit is < 1 or > 1_000_000)
            {
                failures.Add($"{Setting.Name($"{RateLimitOptions.Section}:{policy}:Limit")} must be between 1 and 1000000.");
            }

            if (limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromDays(7))
            {
                failures.Add($"{Setting.Name($"{RateLimitOptions.Section}:{policy}:Window")} must be between 00:00:01 and 7.00:00:00.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
