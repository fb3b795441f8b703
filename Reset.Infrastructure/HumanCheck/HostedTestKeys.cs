namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// The keys Cloudflare, hCaptcha and Google publish for automated tests: they pass (or fail) every
/// token without a human, so a Production service must never run with them.
/// </summary>
internal static class HostedTestKeys
{
    /// <summary>Turnstile: always passes, always fails, always "timeout-or-duplicate"; hCaptcha's test secret; reCAPTCHA v2's.</summary>
    public static readonly string[] Secrets =
    [
        "1x0000000000000000000000000000000AA",
        "2x0000000000000000000000000000000AA",
        "3x0000000000000000000000000000000AA",
        "0x0000000000000000000000000000000000000000",
        "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",
    ];

    /// <summary>Turnstile's five test site keys, hCaptcha's three, reCAPTCHA v2's.</summary>
    public static readonly string[] SiteKeys =
    [
        "1x00000000000000000000AA",
        "2x00000000000000000000AB",
        "1x00000000000000000000BB",
        "2x00000000000000000000BB",
        "3x00000000000000000000FF",
        "10000000-ffff-ffff-ffff-000000000001",
        "20000000-ffff-ffff-ffff-000000000002",
        "30000000-ffff-ffff-ffff-000000000003",
        "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI",
    ];
}
