using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// Cloudflare Turnstile, hCaptcha and Google reCAPTCHA (v2, or v3 with a score threshold and an
/// action check) through their siteverify APIs. A definite no (success false, a low score, the wrong
/// action or hostname) fails the check; a provider that cannot be asked, or answers what cannot be
/// read, fails it closed with <see cref="HumanCheckUnavailableException"/> (503). Neither the secret
/// nor the token ever goes into a reason or an exception message.
/// </summary>
internal sealed class SiteverifyVerifier : IHumanCheckVerifier
{
    /// <summary>Error codes that blame this service's keys or request, not the token: a 503 an operator must see, not a 400 for the customer.</summary>
    private static readonly string[] NotTheTokensFault =
        ["missing-input-secret", "invalid-input-secret", "sitekey-secret-mismatch", "invalid-sitekey", "bad-request", "internal-error"];

    private readonly IHttpClientFactory _clients;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly HumanCheckOptions _options;
    private readonly SiteverifyProvider _provider;
    private readonly Uri _url;

    public SiteverifyVerifier(
        IHttpClientFactory clients,
        [FromKeyedServices(SiteverifyClient.Name)] ResiliencePipeline<HttpResponseMessage> pipeline,
        IOptions<HumanCheckOptions> options)
    {
        _clients = clients;
        _pipeline = pipeline;
        _options = options.Value;
        _provider = SiteverifyProvider.For(_options.ProviderName);
        _url = string.IsNullOrEmpty(_options.SiteverifyUrl) ? _provider.OfficialUrl : new Uri(_options.SiteverifyUrl);
        if (string.IsNullOrEmpty(_options.Secret))
        {
            throw new InvalidOperationException($"HumanCheck:Secret is missing: {_provider.Name} tokens cannot be verified.");
        }
    }

    public async Task<HumanCheckResult> VerifyAsync(string token, string? clientIp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return HumanCheckResult.Fail("empty token");
        }

        var answer = await AskAsync(token, clientIp, cancellationToken);
        if (!answer.Success)
        {
            var codes = answer.ErrorCodes ?? [];
            if (codes.Any(NotTheTokensFault.Contains))
            {
                throw new HumanCheckUnavailableException(
                    $"{_provider.Name} siteverify refused the request itself ({Describe(codes)}): check HumanCheck__Secret and HumanCheck__SiteKey.");
            }

            return HumanCheckResult.Fail($"{_provider.Name} said no ({Describe(codes)})");
        }

        if (_options.ExpectedHostname is { Length: > 0 } hostname && !string.Equals(answer.Hostname, hostname, StringComparison.OrdinalIgnoreCase))
        {
            return HumanCheckResult.Fail($"token was not solved on {hostname}");
        }

        return _provider == SiteverifyProvider.ReCaptcha && _options.ReCaptchaSettings.Version == 3
            ? CheckScore(answer)
            : HumanCheckResult.Pass();
    }

    private HumanCheckResult CheckScore(SiteverifyAnswer answer)
    {
        var settings = _options.ReCaptchaSettings;
        if (answer.Score is not { } score)
        {
            // The key decides the answer's shape: no score means a v2 key configured as v3.
            throw new HumanCheckUnavailableException("recaptcha answered without a score: is HumanCheck__ReCaptcha__Version 3 right for this key?");
        }

        if (!string.Equals(answer.Action, settings.Action, StringComparison.Ordinal))
        {
            return HumanCheckResult.Fail($"recaptcha action is not '{settings.Action}'");
        }

        return score < settings.MinScore
            ? HumanCheckResult.Fail(string.Create(CultureInfo.InvariantCulture, $"recaptcha score {score:0.0#} is below {settings.MinScore:0.0#}"))
            : HumanCheckResult.Pass();
    }

    private async Task<SiteverifyAnswer> AskAsync(string token, string? clientIp, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("secret", _options.Secret!), new("response", token) };
        if (!string.IsNullOrEmpty(clientIp))
        {
            form.Add(new("remoteip", clientIp));
        }

        if (_provider.SendsSiteKey && !string.IsNullOrEmpty(_options.SiteKey))
        {
            form.Add(new("sitekey", _options.SiteKey));
        }

        if (_provider.SendsIdempotencyKey)
        {
            // The same key on every retry of this one check.
            form.Add(new("idempotency_key", Guid.NewGuid().ToString()));
        }

        var client = _clients.CreateClient(SiteverifyClient.Name);
        try
        {
            // A new request per try (HttpClient sends each message once), with the same fields.
            using var response = await _pipeline.ExecuteAsync(
                async tryToken =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new FormUrlEncodedContent(form) };
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    return await client.SendAsync(request, tryToken);
                },
                cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HumanCheckUnavailableException(
                    $"{_provider.Name} siteverify answered {(int)response.StatusCode} after {SiteverifyClient.MaxRetries + 1} tries at most.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync<SiteverifyAnswer>(body, cancellationToken: cancellationToken)
                ?? throw new HumanCheckUnavailableException($"{_provider.Name} siteverify answered null.");
        }
        catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException or JsonException)
        {
            // ExecutionRejectedException: a try or the whole check timed out, or the circuit is open.
            throw new HumanCheckUnavailableException($"{_provider.Name} siteverify could not be asked ({exception.GetType().Name}).", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HumanCheckUnavailableException($"{_provider.Name} siteverify did not answer in time.", exception);
        }
    }

    /// <summary>The provider's error codes for a log line; anything that does not look like one is left out.</summary>
    private static string Describe(IEnumerable<string> codes)
    {
        var known = codes.Where(code => code.Length is > 0 and <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')).ToList();
        return known.Count == 0 ? "no error code" : string.Join(", ", known);
    }
}
