using System.Globalization;
using ContentMachine.Gateway.Auth;
using System.Diagnostics.Metrics;
using ContentMachine.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace ContentMachine.Gateway.RateLimiting;

/// <summary>Takes a token from the caller's bucket for the request's scope class before the request goes on: 429 with
/// Retry-After when the bucket is empty, RateLimit-Limit/-Remaining/-Reset on every answer. Anonymous requests (the open
/// routes) are not counted.</summary>
public sealed class RateLimitMiddleware(
    RequestDelegate next, RedisTokenBucket bucket, IOptions<RateLimitOptions> options, IProblemDetailsService problems,
    ServiceTelemetry telemetry, ILogger<RateLimitMiddleware> logger)
{
    private readonly Counter<long> _refused = telemetry.Meter.CreateCounter<long>(
        "contentmachine.gateway.rate_limit.refused", description: "Requests refused: 429 past the budget, 503 when Redis is down and limits fail closed");

    public async Task InvokeAsync(HttpContext context)
    {
        if (GatewayClaims.KeyIdOf(context.User) is not { } caller || ScopeRules.Required(context.Request) is not { } scopeClass)
        {
            await next(context);
            return;
        }

        // Tags on the request's own span rather than a span of its own: this runs on every request.
        var activity = Activity.Current;
        activity?.SetTag("contentmachine.key_id", caller);
        activity?.SetTag("contentmachine.scope_class", scopeClass);
        RateLimitDecision decision;
        try
        {
            decision = await bucket.TakeAsync(caller, scopeClass, options.Value.For(scopeClass));
            activity?.SetTag("contentmachine.rate_limit.remaining", (int)decision.Remaining);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            activity?.SetTag("contentmachine.rate_limit.error", ex.GetType().Name);
            var failOpen = options.Value.FailOpen;
            GatewayLog.RateLimitUnavailable(logger, ex.GetType().Name, failOpen ? "let through" : "refused");
            if (failOpen) await next(context);
            else await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "Rate limits unavailable",
                "The rate limiter cannot be reached, and this gateway refuses requests it cannot count. Try again shortly.", 5);
            return;
        }

        var headers = context.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = ((int)Math.Floor(decision.Remaining)).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = Seconds(decision.ResetSeconds).ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }
        var retryAfter = Math.Max(1, Seconds(decision.RetryAfterSeconds));
        await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This key may make {decision.Limit} '{scopeClass}' requests at once and {options.Value.For(scopeClass).PermitsPerSecond.ToString(CultureInfo.InvariantCulture)} a second; try again in {retryAfter} s.",
            retryAfter);
    }

    private static int Seconds(double seconds) => (int)Math.Ceiling(seconds);

    private Task RefuseAsync(HttpContext context, int status, string title, string detail, int retryAfter)
    {
        _refused.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
