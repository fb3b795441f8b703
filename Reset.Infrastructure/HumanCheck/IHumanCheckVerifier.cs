namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// Decides whether the token a client sends as <c>humanCheckToken</c> proves a human (or at least
/// a costly client) made the request. One implementation per provider; the configured one is registered.
/// </summary>
public interface IHumanCheckVerifier
{
    /// <param name="token">The widget's payload, exactly as the client sent it.</param>
    /// <param name="clientIp">The client address as the trusted-proxy rules resolved it, for providers that take it.</param>
    Task<HumanCheckResult> VerifyAsync(string token, string? clientIp, CancellationToken cancellationToken);
}

/// <summary>The verdict. <see cref="Reason"/> is for logs and never holds the token.</summary>
public sealed record HumanCheckResult(bool Passed, string Reason)
{
    public static HumanCheckResult Pass() => new(true, "passed");

    public static HumanCheckResult Fail(string reason) => new(false, reason);
}

/// <summary>Thrown when the provider cannot be asked (down, timing out): the check fails closed with 503.</summary>
public sealed class HumanCheckUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
