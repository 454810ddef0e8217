using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace ContentMachine.ServiceDefaults.Http;

/// <summary>One resilience pipeline per named HttpClient, kept for the process's life so that the circuit breaker's
/// state survives the factory's handler rotation: total timeout, retry with jittered exponential backoff on transient
/// failures, circuit breaker, per-attempt timeout (outermost first).</summary>
public sealed class HttpResiliencePipelines(IOptionsMonitor<HttpResilienceOptions> options, ILoggerFactory loggers)
{
    private readonly ResiliencePipelineRegistry<string> _registry = new();

    public ResiliencePipeline<HttpResponseMessage> Get(string clientName) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>(clientName, (builder, _) => Build(builder, options.Get(clientName)));

    private void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpResilienceOptions o)
    {
        var logger = loggers.CreateLogger("ContentMachine.Http.Resilience");
        builder.AddTimeout(o.TotalTimeout);
        if (o.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = o.MaxRetryAttempts,
                Delay = o.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                OnRetry = args =>
                {
                    logger.LogWarning("HTTP attempt {Attempt} failed ({Outcome}); retrying in {DelayMs} ms",
                        args.AttemptNumber + 1, Describe(args.Outcome), (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        if (o.CircuitBreakerEnabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }
        builder.AddTimeout(o.AttemptTimeout);
    }

    /// <summary>A transient failure is retried when the request may be sent again: its method is idempotent and its
    /// body can be replayed, or the connection was never made (so nothing reached the server).</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome)
    {
        if (!IsTransient(outcome)) return false;
        var request = outcome.Result?.RequestMessage;
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }) return true;
        return request is null || (IsIdempotent(request.Method) && IsReplayable(request.Content));
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (int)r.StatusCode >= 500 && r.StatusCode != HttpStatusCode.NotImplemented,
        _ => false,
    };

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    private static bool IsReplayable(HttpContent? content) =>
        content is null or ByteArrayContent or ReadOnlyMemoryContent or System.Net.Http.Json.JsonContent;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? ((int?)outcome.Result?.StatusCode)?.ToString() ?? "unknown";
}
