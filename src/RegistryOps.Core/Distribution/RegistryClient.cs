using System.Net;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace RegistryOps.Core.Distribution;

/// <summary>
/// An OCI distribution API client for one registry. This part holds the HTTP plumbing every
/// request goes through (<see cref="SendAsync"/>): auth by challenge, a concurrency bound, an
/// optional request rate, a per-attempt timeout, retries of transient failures, 429 waits within
/// a budget, and request counting. The read and write calls live in the other parts.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly SemaphoreSlim _concurrency;
    private readonly RateLimiter? _rate;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RegistryAuthenticator _auth;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Uri _base;
    private readonly object _budgetGate = new();
    private TimeSpan _rateLimitBudgetLeft;
    private RateLimitInfo? _lastRateLimit;

    public RegistryClient(
        RegistryEndpoint endpoint,
        ILogger<RegistryClient>? logger = null,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? handler = null)
    {
        Endpoint = endpoint;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _base = endpoint.BaseUri.AbsoluteUri.EndsWith('/')
            ? endpoint.BaseUri
            : new Uri(endpoint.BaseUri.AbsoluteUri + "/");
        _http = new HttpClient(handler ?? CreateHandler(endpoint), disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("registryops", "0.1"));
        _concurrency = new SemaphoreSlim(Math.Max(1, endpoint.MaxConcurrency));
        _rate = CreateRateLimiter(endpoint.RequestsPerSecond);
        _pipeline = CreatePipeline(endpoint.RequestTimeout ?? RegistryEndpoint.DefaultRequestTimeout);
        _auth = new RegistryAuthenticator(endpoint, _http, Stats, _time, _logger);
        _rateLimitBudgetLeft = endpoint.RateLimitBudget ?? RegistryEndpoint.DefaultRateLimitBudget;
    }

    public RegistryEndpoint Endpoint { get; }

    public RequestStats Stats { get; } = new();

    /// <summary>The pull budget from the newest response that carried ratelimit headers.</summary>
    public RateLimitInfo? LastRateLimit => Volatile.Read(ref _lastRateLimit);

    public void Dispose()
    {
        _http.Dispose();
        _concurrency.Dispose();
        _rate?.Dispose();
    }

    /// <summary>
    /// Sends one logical request: <paramref name="build"/> is called for every attempt (a request
    /// message cannot be sent twice). Returns whatever status the registry gave after auth and
    /// 429 handling; the caller owns the response. Throws <see cref="RegistryUnavailableException"/>
    /// when the registry cannot be reached and <see cref="RegistryRateLimitedException"/> when the
    /// 429 budget is spent.
    /// </summary>
    /// <param name="scope">Token scope, e.g. <c>repository:NAME:pull</c>; empty for none.</param>
    internal async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> build,
        string scope,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        await _concurrency.WaitAsync(cancellationToken);
        try
        {
            var challenged = false;
            while (true)
            {
                var response = await SendAttemptsAsync(build, scope, completion, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !challenged
                    && _auth.Learn(response, scope))
                {
                    challenged = true;
                    response.Dispose();
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await WaitOutRateLimitAsync(response, cancellationToken);
                    continue;
                }

                return response;
            }
        }
        finally
        {
            _concurrency.Release();
        }
    }

    /// <summary>Turns a failed response into the matching exception, with the registry's error.</summary>
    internal static async Task<RegistryException> ErrorAsync(HttpResponseMessage response, string what,
        CancellationToken cancellationToken)
    {
        var request = response.RequestMessage;
        var method = request?.Method.Method;
        var url = request?.RequestUri is { } uri ? RedactedUrl(uri) : null;
        var (code, message) = await RegistryErrorBody.ReadAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var detail = code is null ? "" : $": {code}{(message is null ? "" : " " + message)}";
        var text = $"{what}: {method} {url} answered {status} {response.ReasonPhrase}{detail}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new RegistryAuthException(text, response.StatusCode, method, url, code, message),
            HttpStatusCode.NotFound => new RegistryNotFoundException(text, method, url, code, message),
            _ => new RegistryException(text, response.StatusCode, method, url, code, message),
        };
    }

    internal static string RedactedUrl(Uri uri) =>
        uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);

    /// <summary>An absolute URI for a path under the registry base (which may carry a prefix).</summary>
    internal Uri UriFor(string relative) => new(_base, relative.TrimStart('/'));

    private async Task<HttpResponseMessage> SendAttemptsAsync(Func<HttpRequestMessage> build, string scope,
        HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var attempt = 0;
        HttpRequestMessage? last = null;
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                attempt++;
                if (_rate is not null)
                {
                    using var lease = await _rate.AcquireAsync(1, token);
                }

                last?.Dispose();
                last = build();
                await _auth.AuthorizeAsync(last, scope, token);
                Stats.Record(last.Method);
                var response = await _http.SendAsync(last, completion, token);
                if (RateLimitInfo.FromHeaders(response.Headers) is { } info)
                {
                    Volatile.Write(ref _lastRateLimit, info);
                }

                return response;
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException
            && !cancellationToken.IsCancellationRequested)
        {
            var method = last?.Method.Method;
            var url = last?.RequestUri is { } uri ? RedactedUrl(uri) : null;
            var reason = exception is TimeoutRejectedException
                ? $"no answer within {Endpoint.RequestTimeout ?? RegistryEndpoint.DefaultRequestTimeout}"
                : exception.InnerException?.Message ?? exception.Message;
            if (exception.InnerException is System.Security.Authentication.AuthenticationException
                && Endpoint.BaseUri.Scheme == Uri.UriSchemeHttps)
            {
                // The framework's words ("cannot determine the frame size") do not say what is
                // by far the commonest cause: https spoken to a plain-http registry.
                reason += "; TLS handshake failed: if this registry speaks plain http, use an http:// URL "
                    + "(in regsync files: creds with tls: disabled)";
            }

            throw new RegistryUnavailableException(
                $"registry {Endpoint.Authority} unreachable ({method} {url}, {attempt} attempts): {reason}",
                method, url, exception);
        }
    }
}
