namespace Reset.Infrastructure.HumanCheck;

/// <summary>For tests and local trials: any non-empty token passes. Refused in Production at start.</summary>
internal sealed class DisabledHumanCheckVerifier : IHumanCheckVerifier
{
    public Task<HumanCheckResult> VerifyAsync(string token, string? clientIp, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(token) ? HumanCheckResult.Fail("empty token") : HumanCheckResult.Pass());
}
