using System.Text.Json.Serialization;

namespace Reset.Api.Features.HumanCheck.Describe;

/// <param name="Provider">The widget to show: altcha, turnstile, hcaptcha or recaptcha; disabled means any non-empty humanCheckToken passes (tests and local trials only).</param>
/// <param name="SiteKey">The hosted provider's public site key, for its widget; turnstile, hcaptcha and recaptcha only.</param>
/// <param name="ChallengeUrl">Where the altcha widget fetches its challenge (its challengeurl); altcha only.</param>
public sealed record HumanCheckResponse(
    string Provider,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SiteKey = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ChallengeUrl = null);
