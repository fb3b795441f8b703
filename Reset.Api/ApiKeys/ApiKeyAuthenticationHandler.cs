using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Reset.Api.Problems;

namespace Reset.Api.ApiKeys;

/// <summary>
/// Authenticates calls to /internal/v1 by <c>Authorization: Bearer &lt;key&gt;</c>. A missing key is
/// 401 api_key_missing, an unknown one 401 api_key_invalid (both with WWW-Authenticate), a known key
/// without the endpoint's scope 403 scope_missing. The key itself is never logged or echoed.
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private const string Realm = "Bearer realm=\"reset-service internal API\"";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(header[BearerPrefix.Length..].Trim()) is not { } key)
        {
            LogKeyRejected(Logger, Request.Path.Value ?? string.Empty);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not one this service knows."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(ClaimTypes.Name, key.Id), .. key.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s))],
            ApiKey.Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKey.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var missing = (await HandleAuthenticateOnceSafeAsync()).None;
        // RFC 6750: a request without credentials gets the bare challenge, a wrong key error="invalid_token".
        Response.Headers.WWWAuthenticate = missing ? Realm : Realm + ", error=\"invalid_token\"";
        await (missing
            ? Problem.Of(Context, StatusCodes.Status401Unauthorized, ProblemCodes.ApiKeyMissing, "An API key is needed.",
                "Send the calling service's key as Authorization: Bearer <key>.")
            : Problem.Of(Context, StatusCodes.Status401Unauthorized, ProblemCodes.ApiKeyInvalid, "The API key is not valid.",
                "This key is not configured here, or was revoked. Check which key the calling service sends.")).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Where(ApiScopes.All.Contains).Distinct().ToArray() ?? [];
        await Problem.Of(Context, StatusCodes.Status403Forbidden, ProblemCodes.ScopeMissing, "This API key may not do this.",
            $"The key lacks the scope this needs: {string.Join(", ", needed)}. Ask for a key with it.",
            new Dictionary<string, object?> { ["requiredScopes"] = needed }).ExecuteAsync(Context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Internal API call to {Path} refused: unknown API key")]
    private static partial void LogKeyRejected(ILogger logger, string path);
}
