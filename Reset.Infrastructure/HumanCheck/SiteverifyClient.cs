using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Reset.Infrastructure.HumanCheck;

/// <summary>
/// How the hosted verifiers call siteverify: a named HttpClient, and one Polly pipeline per service,
/// outermost first: a bound on the whole check (HumanCheck:TotalTimeout), at most two retries with
/// jittered exponential backoff on transient failures only (HttpRequestException, a try's timeout,
/// 408, 429, 5xx; a 200 that says no is an answer, never retried), a circuit breaker that stops
/// calling a provider that keeps failing, and a timeout per try (HumanCheck:Timeout).
/// </summary>
/// <remarks>
/// Built on Polly.Core directly: Microsoft.Extensions.Http.Resilience brings a logging source
/// generator that replaces the standard one and does not see loggers passed to primary constructors.
/// </remarks>
internal static class SiteverifyClient
{
    public const string Name = "siteverify";

    public const int MaxRetries = 2;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Opens when half the tries of the last 30 s failed, once there were at least 10; stays open 30 s.</summary>
    public const double BreakFailureRatio = 0.5;
    public const int BreakMinimumThroughput = 10;
    public static readonly TimeSpan BreakSamplingDuration = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    /// <summary>Siteverify answers are a few hundred bytes.</summary>
    private const int MaxAnswerBytes = 64 * 1024;

    public static IServiceCollection AddSiteverifyClient(this IServiceCollection services)
    {
        services.AddHttpClient(Name, (provider, client) =>
        {
            // A last resort behind the pipeline's own bound.
            client.Timeout = provider.GetRequiredService<IOptions<HumanCheckOptions>>().Value.TotalTimeout + TimeSpan.FromSeconds(1);
            client.MaxResponseContentBufferSize = MaxAnswerBytes;
        });
        services.AddKeyedSingleton(Name, (provider, _) => Pipeline(provider.GetRequiredService<IOptions<HumanCheckOptions>>().Value));
        return services;
    }

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(HumanCheckOptions options)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(response => (int)response.StatusCode >= 500
                || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = RetryDelay,
                MaxDelay = MaxRetryDelay,
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                FailureRatio = BreakFailureRatio,
                MinimumThroughput = BreakMinimumThroughput,
                SamplingDuration = BreakSamplingDuration,
                BreakDuration = BreakDuration,
            })
            .AddTimeout(options.Timeout)
            .Build();
    }
}
