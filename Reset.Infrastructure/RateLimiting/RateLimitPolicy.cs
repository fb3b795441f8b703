namespace Reset.Infrastructure.RateLimiting;

/// <summary>A named limit and where its numbers live in <see cref="RateLimitOptions"/>.</summary>
public sealed record RateLimitPolicy(string Name, Func<RateLimitOptions, RateLimit> Select)
{
    public static readonly RateLimitPolicy StartPerClient = new(nameof(StartPerClient), o => o.StartPerClient);
    public static readonly RateLimitPolicy StartPerLogin = new(nameof(StartPerLogin), o => o.StartPerLogin);
    public static readonly RateLimitPolicy StartPerLoginAndNetwork = new(nameof(StartPerLoginAndNetwork), o => o.StartPerLoginAndNetwork);
    public static readonly RateLimitPolicy SendCodePerClient = new(nameof(SendCodePerClient), o => o.SendCodePerClient);
    public static readonly RateLimitPolicy SendCodePerDestination = new(nameof(SendCodePerDestination), o => o.SendCodePerDestination);
    public static readonly RateLimitPolicy VerifyPerClient = new(nameof(VerifyPerClient), o => o.VerifyPerClient);
    public static readonly RateLimitPolicy SetPasswordPerClient = new(nameof(SetPasswordPerClient), o => o.SetPasswordPerClient);
    public static readonly RateLimitPolicy SupportPerClient = new(nameof(SupportPerClient), o => o.SupportPerClient);
    public static readonly RateLimitPolicy SupportPerDestination = new(nameof(SupportPerDestination), o => o.SupportPerDestination);
    public static readonly RateLimitPolicy EvaluatePerClient = new(nameof(EvaluatePerClient), o => o.EvaluatePerClient);
    public static readonly RateLimitPolicy ChallengePerClient = new(nameof(ChallengePerClient), o => o.ChallengePerClient);
}
