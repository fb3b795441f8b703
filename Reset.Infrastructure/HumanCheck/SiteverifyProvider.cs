namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// What differs between the hosted providers' siteverify APIs. All three take a form POST of
/// <c>secret</c>, <c>response</c> (the token) and optionally <c>remoteip</c>, and answer JSON with
/// <c>success</c>, <c>error-codes</c> and <c>hostname</c>; reCAPTCHA v3 adds <c>score</c> and <c>action</c>.
/// </summary>
/// <param name="SendsSiteKey">hCaptcha checks that the token was issued for this site key when it is sent.</param>
/// <param name="SendsIdempotencyKey">Turnstile answers a retried check with the same key like the first try, not with timeout-or-duplicate.</param>
internal sealed record SiteverifyProvider(string Name, Uri OfficialUrl, bool SendsSiteKey, bool SendsIdempotencyKey)
{
    public static readonly SiteverifyProvider Turnstile = new(
        HumanCheckOptions.Turnstile, new("https://challenges.cloudflare.com/turnstile/v0/siteverify"), SendsSiteKey: false, SendsIdempotencyKey: true);

    public static readonly SiteverifyProvider HCaptcha = new(
        HumanCheckOptions.HCaptcha, new("https://api.hcaptcha.com/siteverify"), SendsSiteKey: true, SendsIdempotencyKey: false);

    public static readonly SiteverifyProvider ReCaptcha = new(
        HumanCheckOptions.ReCaptcha, new("https://www.google.com/recaptcha/api/siteverify"), SendsSiteKey: false, SendsIdempotencyKey: false);

    public static SiteverifyProvider For(string provider) => provider switch
    {
        HumanCheckOptions.Turnstile => Turnstile,
        HumanCheckOptions.HCaptcha => HCaptcha,
        HumanCheckOptions.ReCaptcha => ReCaptcha,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a hosted human-check provider."),
    };
}
