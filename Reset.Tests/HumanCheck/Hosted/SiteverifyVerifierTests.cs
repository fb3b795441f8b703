using System.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Reset.Infrastructure.HumanCheck;
using Reset.Tests.Fixtures;

namespace Reset.Tests.HumanCheck.Hosted;

/// <summary>
/// The hosted verifiers against a real HTTP server that plays siteverify: what they send, how they
/// read each answer, and how the Polly pipeline behaves when the provider is slow, failing or gone.
/// </summary>
public sealed class SiteverifyVerifierTests : IDisposable
{
    private const string Token = "widget-token-from-the-browser";

    private readonly SiteverifyServer _provider = new();

    public void Dispose() => _provider.Dispose();

    [Theory]
    [InlineData("turnstile")]
    [InlineData("hcaptcha")]
    [InlineData("recaptcha")]
    public async Task Provider_saying_yes_passes_the_check(string provider)
    {
        _provider.Answers(provider == "recaptcha" ? SiteverifyServer.ReCaptchaV3(0.9, "password_reset") : SiteverifyServer.Success());
        using var check = new HostedCheck(provider, _provider.Url);

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeTrue();
        _provider.RequestCount.ShouldBe(1);
        check.Verifier.ShouldBeOfType<SiteverifyVerifier>();
    }

    [Fact]
    public async Task Turnstile_is_sent_the_secret_the_token_the_client_ip_and_an_idempotency_key()
    {
        _provider.Answers(SiteverifyServer.Success());
        using var check = new HostedCheck("turnstile", _provider.Url);

        await check.VerifyAsync(Token);

        var form = _provider.Forms.ShouldHaveSingleItem();
        form["secret"].ShouldBe(HostedCheck.Secret);
        form["response"].ShouldBe(Token);
        form["remoteip"].ShouldBe(HostedCheck.ClientIp);
        Guid.TryParse(form["idempotency_key"], out _).ShouldBeTrue();
        form.ShouldNotContainKey("sitekey");
    }

    [Fact]
    public async Task HCaptcha_is_also_sent_the_site_key()
    {
        _provider.Answers(SiteverifyServer.Success());
        using var check = new HostedCheck("hcaptcha", _provider.Url);

        await check.VerifyAsync(Token);

        var form = _provider.Forms.ShouldHaveSingleItem();
        form.Keys.Order().ShouldBe(["remoteip", "response", "secret", "sitekey"]);
        form["sitekey"].ShouldBe(HostedCheck.SiteKey);
        form["secret"].ShouldBe(HostedCheck.Secret);
    }

    [Fact]
    public async Task ReCaptcha_is_sent_secret_response_and_remoteip_only()
    {
        _provider.Answers(SiteverifyServer.ReCaptchaV3(0.9, "password_reset"));
        using var check = new HostedCheck("recaptcha", _provider.Url);

        await check.VerifyAsync(Token);

        _provider.Forms.ShouldHaveSingleItem().Keys.Order().ShouldBe(["remoteip", "response", "secret"]);
    }

    [Fact]
    public async Task Without_a_client_ip_no_remoteip_is_sent()
    {
        _provider.Answers(SiteverifyServer.Success());
        using var check = new HostedCheck("turnstile", _provider.Url);

        (await check.Verifier.VerifyAsync(Token, null, TestContext.Current.CancellationToken)).Passed.ShouldBeTrue();

        _provider.Forms.ShouldHaveSingleItem().ShouldNotContainKey("remoteip");
    }

    [Fact]
    public async Task Invalid_token_fails_the_check_once_without_a_retry_and_the_reason_holds_no_token_or_secret()
    {
        _provider.Answers(SiteverifyServer.Failure("invalid-input-response"));
        using var check = new HostedCheck("turnstile", _provider.Url);

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeFalse();
        result.Reason.ShouldBe("turnstile said no (invalid-input-response)");
        result.Reason.ShouldNotContain(Token);
        result.Reason.ShouldNotContain(HostedCheck.Secret);
        _provider.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Replayed_or_expired_token_fails_the_check_with_timeout_or_duplicate()
    {
        _provider.Answers(SiteverifyServer.Failure("timeout-or-duplicate"));
        using var check = new HostedCheck("hcaptcha", _provider.Url);

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeFalse();
        result.Reason.ShouldBe("hcaptcha said no (timeout-or-duplicate)");
        _provider.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Empty_token_fails_without_asking_the_provider()
    {
        _provider.Answers(SiteverifyServer.Success());
        using var check = new HostedCheck("turnstile", _provider.Url);

        (await check.VerifyAsync(" ")).Passed.ShouldBeFalse();

        _provider.RequestCount.ShouldBe(0);
    }

    [Fact]
    public async Task Provider_refusing_the_secret_is_unavailable_not_a_failed_check()
    {
        _provider.Answers(SiteverifyServer.Failure("invalid-input-secret"));
        using var check = new HostedCheck("turnstile", _provider.Url);

        var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        exception.Message.ShouldContain("invalid-input-secret");
        exception.Message.ShouldContain("HumanCheck__Secret");
        exception.Message.ShouldNotContain(HostedCheck.Secret);
        _provider.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Server_error_then_success_is_retried_and_passes_with_the_same_idempotency_key()
    {
        _provider.FirstThenAnswers(2, 503, TimeSpan.Zero, SiteverifyServer.Success());
        using var check = new HostedCheck("turnstile", _provider.Url);

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeTrue();
        var forms = _provider.Forms;
        forms.Count.ShouldBe(3);
        forms.Select(form => form["idempotency_key"]).Distinct().ShouldHaveSingleItem();
        forms.ShouldAllBe(form => form["response"] == Token);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task Provider_failing_every_try_is_unavailable_after_three_tries(int status)
    {
        _provider.AnswersStatus(status);
        using var check = new HostedCheck("turnstile", _provider.Url);

        var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        exception.Message.ShouldContain($"answered {status}");
        exception.Message.ShouldNotContain(HostedCheck.Secret);
        exception.Message.ShouldNotContain(Token);
        _provider.RequestCount.ShouldBe(3);
    }

    [Fact]
    public async Task Client_error_other_than_408_and_429_is_unavailable_without_a_retry()
    {
        _provider.AnswersStatus(404);
        using var check = new HostedCheck("recaptcha", _provider.Url);

        await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        _provider.RequestCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("text/html", "<html><body>Bad gateway</body></html>")]
    [InlineData("application/json", "{\"error-codes\":[]}")]
    [InlineData("application/json", "null")]
    public async Task Answer_that_cannot_be_read_is_unavailable(string contentType, string body)
    {
        _provider.AnswersBody(contentType, body);
        using var check = new HostedCheck("hcaptcha", _provider.Url);

        await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        _provider.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task Slow_answer_is_cut_by_the_per_try_timeout_and_the_retry_gets_the_answer()
    {
        _provider.FirstThenAnswers(1, 200, TimeSpan.FromSeconds(3), SiteverifyServer.Success());
        using var check = new HostedCheck("turnstile", _provider.Url, new() { ["HumanCheck:Timeout"] = "00:00:00.300" });
        var clock = Stopwatch.StartNew();

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2.5));
        await _provider.WaitForRequestsAsync(2, TimeSpan.FromSeconds(5));
        _provider.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task Provider_always_slower_than_the_per_try_timeout_is_unavailable_after_three_tries()
    {
        _provider.Answers(SiteverifyServer.Success(), delay: TimeSpan.FromSeconds(3));
        using var check = new HostedCheck("turnstile", _provider.Url, new() { ["HumanCheck:Timeout"] = "00:00:00.300" });
        var clock = Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2.5));
        exception.InnerException.ShouldBeOfType<TimeoutRejectedException>();
        await _provider.WaitForRequestsAsync(4, TimeSpan.FromSeconds(5));
        _provider.RequestCount.ShouldBe(3);
    }

    [Fact]
    public async Task Total_timeout_bounds_the_whole_check_whatever_the_tries_would_take()
    {
        _provider.Answers(SiteverifyServer.Success(), delay: TimeSpan.FromSeconds(5));
        using var check = new HostedCheck("hcaptcha", _provider.Url, new() { ["HumanCheck:Timeout"] = "00:00:01", ["HumanCheck:TotalTimeout"] = "00:00:01.500" });
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        clock.Elapsed.ShouldBeInRange(TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(2.5));
        await _provider.WaitForRequestsAsync(3, TimeSpan.FromSeconds(6));
        _provider.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task Nothing_listening_is_unavailable()
    {
        using var check = new HostedCheck("turnstile", $"http://127.0.0.1:{SiteverifyServer.FreePort()}/siteverify");
        var clock = Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        exception.InnerException.ShouldBeOfType<HttpRequestException>();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Server_that_accepts_and_never_answers_is_unavailable_within_the_total_timeout()
    {
        using var hung = new HungServer();
        using var check = new HostedCheck("recaptcha", $"http://127.0.0.1:{hung.Port}/siteverify",
            new() { ["HumanCheck:Timeout"] = "00:00:00.300", ["HumanCheck:TotalTimeout"] = "00:00:02" });
        var clock = Stopwatch.StartNew();

        var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        exception.InnerException.ShouldBeOfType<TimeoutRejectedException>();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_then_the_provider_is_not_called()
    {
        _provider.AnswersStatus(503);
        using var check = new HostedCheck("turnstile", _provider.Url);

        // Three tries per check: the tenth failed try of the sampling window opens the circuit.
        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));
        }

        _provider.RequestCount.ShouldBe(10);
        for (var i = 0; i < 5; i++)
        {
            var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));
            exception.InnerException.ShouldBeOfType<BrokenCircuitException>();
        }

        _provider.RequestCount.ShouldBe(10);
    }

    [Fact]
    public async Task Definite_no_answers_never_open_the_circuit()
    {
        _provider.Answers(SiteverifyServer.Failure("invalid-input-response"));
        using var check = new HostedCheck("turnstile", _provider.Url);

        for (var i = 0; i < 15; i++)
        {
            (await check.VerifyAsync(Token)).Passed.ShouldBeFalse();
        }

        _provider.RequestCount.ShouldBe(15);
    }

    [Fact]
    public async Task ReCaptcha_v3_score_below_the_threshold_fails_the_check()
    {
        _provider.Answers(SiteverifyServer.ReCaptchaV3(0.3, "password_reset"));
        using var check = new HostedCheck("recaptcha", _provider.Url, new() { ["HumanCheck:ReCaptcha:MinScore"] = "0.5" });

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeFalse();
        result.Reason.ShouldBe("recaptcha score 0.3 is below 0.5");
    }

    [Fact]
    public async Task ReCaptcha_v3_score_at_the_threshold_passes()
    {
        _provider.Answers(SiteverifyServer.ReCaptchaV3(0.7, "password_reset"));
        using var check = new HostedCheck("recaptcha", _provider.Url, new() { ["HumanCheck:ReCaptcha:MinScore"] = "0.7" });

        (await check.VerifyAsync(Token)).Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task ReCaptcha_v3_token_for_another_action_fails_the_check()
    {
        _provider.Answers(SiteverifyServer.ReCaptchaV3(0.9, "login"));
        using var check = new HostedCheck("recaptcha", _provider.Url, new() { ["HumanCheck:ReCaptcha:Action"] = "password_reset" });

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeFalse();
        result.Reason.ShouldBe("recaptcha action is not 'password_reset'");
    }

    [Fact]
    public async Task ReCaptcha_v3_answer_without_a_score_is_unavailable()
    {
        _provider.Answers(SiteverifyServer.Success());
        using var check = new HostedCheck("recaptcha", _provider.Url);

        var exception = await Should.ThrowAsync<HumanCheckUnavailableException>(() => check.VerifyAsync(Token));

        exception.Message.ShouldContain("HumanCheck__ReCaptcha__Version");
    }

    [Fact]
    public async Task ReCaptcha_v2_passes_on_success_without_score_or_action()
    {
        _provider.Answers(SiteverifyServer.Success());
        using var check = new HostedCheck("recaptcha", _provider.Url, new() { ["HumanCheck:ReCaptcha:Version"] = "2" });

        (await check.VerifyAsync(Token)).Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task Token_solved_on_another_hostname_fails_when_a_hostname_is_expected()
    {
        _provider.Answers(SiteverifyServer.Success(hostname: "phishing.example"));
        using var check = new HostedCheck("turnstile", _provider.Url, new() { ["HumanCheck:ExpectedHostname"] = "shop.example" });

        var result = await check.VerifyAsync(Token);

        result.Passed.ShouldBeFalse();
        result.Reason.ShouldBe("token was not solved on shop.example");
    }

    [Fact]
    public async Task Token_solved_on_the_expected_hostname_passes()
    {
        _provider.Answers(SiteverifyServer.Success(hostname: "Shop.Example"));
        using var check = new HostedCheck("hcaptcha", _provider.Url, new() { ["HumanCheck:ExpectedHostname"] = "shop.example" });

        (await check.VerifyAsync(Token)).Passed.ShouldBeTrue();
    }
}
