using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace RegistryOps.Core.Distribution;

/// <summary>The client's limits: handler and TLS, request rate, retries and timeouts, 429 budget.</summary>
public sealed partial class RegistryClient
{
    private static SocketsHttpHandler CreateHandler(RegistryEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, endpoint.MaxConcurrency),
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = endpoint.RequestTimeout ?? RegistryEndpoint.DefaultRequestTimeout,
        };
        if (TlsValidation.For(endpoint) is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }

        return handler;
    }

    private static RateLimiter? CreateRateLimiter(double? requestsPerSecond)
    {
        if (requestsPerSecond is not > 0)
        {
            return null;
        }

        // Below one request a second, one token per 1/rate seconds; above, whole tokens each second.
        var rate = requestsPerSecond.Value;
        var perPeriod = rate >= 1 ? (int)Math.Floor(rate) : 1;
        var period = rate >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / rate);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    private ResiliencePipeline<HttpResponseMessage> CreatePipeline(TimeSpan attemptTimeout)
    {
        // 429 is not retried here: it is waited out against the client's budget in SendAsync.
        // A 500 is not retried either: from a registry it is mostly a storage fault that stays.
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(300),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
                    or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout } => true,
                _ => false,
            }),
            OnRetry = args =>
            {
                var reason = args.Outcome.Exception?.Message ?? $"status {(int?)args.Outcome.Result?.StatusCode}";
                var request = args.Outcome.Result?.RequestMessage;
                DistributionLog.TransientRetry(_logger, request?.Method.Method ?? "-",
                    request?.RequestUri?.AbsolutePath ?? "-", Endpoint.Authority, args.AttemptNumber + 1, reason);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(retry)
            .AddTimeout(attemptTimeout)
            .Build();
    }

    private async Task WaitOutRateLimitAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var method = response.RequestMessage?.Method.Method;
        var uri = response.RequestMessage?.RequestUri;
        var url = uri is null ? null : RedactedUrl(uri);
        var wait = RetryAfter(response) ?? DefaultRetryAfter;
        response.Dispose();

        TimeSpan left;
        lock (_budgetGate)
        {
            if (wait > _rateLimitBudgetLeft)
            {
                throw new RegistryRateLimitedException(
                    $"registry {Endpoint.Authority} keeps answering 429 ({method} {url}); it asks to wait "
                    + $"{wait}, more than the {_rateLimitBudgetLeft} left of the rate-limit budget",
                    method, url, wait);
            }

            _rateLimitBudgetLeft -= wait;
            left = _rateLimitBudgetLeft;
        }

        DistributionLog.RateLimitedWaiting(_logger, Endpoint.Authority, method ?? "-", uri?.AbsolutePath ?? "-",
            wait, left);
        await Task.Delay(wait, _time, cancellationToken);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var until = date - _time.GetUtcNow();
            return until < TimeSpan.Zero ? TimeSpan.Zero : until;
        }

        return null;
    }
}
