namespace Reset.Api.Problems;

/// <summary>The stable, machine-readable <c>code</c> of every problem answer. Clients switch on these.</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string MalformedRequest = "malformed_request";
    public const string HumanCheckFailed = "human_check_failed";
    public const string CodeInvalid = "code_invalid";
    public const string PasswordRejected = "password_rejected";
    public const string PasswordsMismatch = "passwords_mismatch";
    public const string ResetTokenInvalid = "reset_token_invalid";
    public const string TicketNotFound = "ticket_not_found";
    public const string TicketState = "ticket_state";
    public const string TicketLocked = "ticket_locked";
    public const string RateLimited = "rate_limited";
    public const string DependencyUnavailable = "dependency_unavailable";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyInProgress = "idempotency_in_progress";

    // The internal API (/internal/v1).
    public const string ApiKeyMissing = "api_key_missing";
    public const string ApiKeyInvalid = "api_key_invalid";
    public const string ScopeMissing = "scope_missing";
    public const string UserNotFound = "user_not_found";
    public const string EmailTaken = "email_taken";
    public const string MemberIdTaken = "member_id_taken";
    public const string AccountState = "account_state";
    public const string ConcurrentChange = "concurrent_change";
    public const string SupportRequestNotFound = "support_request_not_found";
    public const string SupportRequestResolved = "support_request_resolved";

    // Answers the HTTP layer gives before any endpoint runs.
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InternalError = "internal_error";

    /// <summary>The code for an answer that carries none of its own, by status.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => MalformedRequest,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => DependencyUnavailable,
        >= 500 => InternalError,
        _ => "http_" + status,
    };
}
