namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// Google reCAPTCHA's specifics. A v2 key ("I'm not a robot") answers yes or no; a v3 key answers
/// with a score from 0.0 (a bot) to 1.0 (a human) and the action the page named when it asked.
/// The key's type decides which, so the version here must match the key.
/// </summary>
public sealed class ReCaptchaOptions
{
    /// <summary>2 or 3, as the key was created.</summary>
    public int Version { get; set; } = 3;

    /// <summary>v3: the lowest score that passes. Google suggests 0.5 to start with.</summary>
    public double MinScore { get; set; } = 0.5;

    /// <summary>v3: the action the page passes to grecaptcha.execute; an answer for another action is refused.</summary>
    public string? Action { get; set; } = "password_reset";
}
