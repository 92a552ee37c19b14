using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pilgi.Core.Errors;

namespace Pilgi.Inference.Remote;

/// <summary>
/// Calls the inference service: one JSON request per call, each attempt under <see cref="InferenceOptions.Timeout"/>;
/// a 429 (honouring Retry-After), a 5xx, a timeout or a broken connection is retried with jittered backoff up to
/// <see cref="InferenceOptions.MaxRetries"/> times. A 4xx that names a Pilgi reason code is the input's fault and
/// becomes a <see cref="PilgiException"/> with that code, not retried. Thread-safe; meant to be shared.
/// </summary>
public sealed class RemoteInferenceClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly InferenceOptions _options;
    private readonly ILogger _log;
    private readonly Uri _base;
    private readonly bool _ownsHttp;

    /// <param name="http">Sends the requests; its own timeout should be infinite (attempts are timed here).</param>
    /// <param name="ownsHttp">Dispose <paramref name="http"/> with this client.</param>
    public RemoteInferenceClient(HttpClient http, InferenceOptions options, ILogger<RemoteInferenceClient>? log = null, bool ownsHttp = false)
    {
        _ownsHttp = ownsHttp;
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _base = options.BaseAddress();
        _log = log ?? NullLogger<RemoteInferenceClient>.Instance;
    }

    public InferenceOptions Options => _options;

    /// <summary>An HttpClient fit for this client: pooled connections renewed every few minutes, no overall timeout.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public Task<RecognizeCropsResponse> RecognizeAsync(RecognizeCropsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, InferenceRoutes.Recognize, request, InferenceJson.Default.RecognizeCropsRequest,
            InferenceJson.Default.RecognizeCropsResponse, cancellationToken);

    public Task<DetectHandwritingResponse> DetectAsync(DetectHandwritingRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, InferenceRoutes.Detect, request, InferenceJson.Default.DetectHandwritingRequest,
            InferenceJson.Default.DetectHandwritingResponse, cancellationToken);

    public Task<ServiceHealth> HealthAsync(CancellationToken cancellationToken = default) =>
        SendAsync<object, ServiceHealth>(HttpMethod.Get, InferenceRoutes.Health, null, null, InferenceJson.Default.ServiceHealth, cancellationToken);

    public Task<ServiceStats> StatsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<object, ServiceStats>(HttpMethod.Get, InferenceRoutes.Stats, null, null, InferenceJson.Default.ServiceStats, cancellationToken);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(HttpMethod method, string route, TRequest? body,
        JsonTypeInfo<TRequest>? requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base, InferenceRoutes.Relative(route));
        byte[]? payload = body is null || requestType is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        for (int attempt = 1; ; attempt++)
        {
            string failure;
            TimeSpan? retryAfter = null;
            int? status = null;
            Exception? cause = null;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(_options.Timeout);
                try
                {
                    using var request = new HttpRequestMessage(method, uri);
                    if (payload is not null)
                    {
                        request.Content = new ByteArrayContent(payload);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    }
                    using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
                    var bytes = await response.Content.ReadAsByteArrayAsync(attemptTimeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode) return Parse(bytes, responseType, route, status.Value);
                    if (!IsTransient(response.StatusCode)) throw Refusal(route, status.Value, bytes);
                    retryAfter = RetryAfter(response);
                    failure = $"{status} {Describe(bytes)}";
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer within {_options.TimeoutSeconds:0.###} s";
                    cause = e;
                }
                catch (HttpRequestException e)
                {
                    failure = $"{e.GetType().Name}: {e.Message}";
                    cause = e;
                }
            }
            if (attempt > _options.MaxRetries)
                throw new InferenceServiceException(
                    $"The inference service at {_base} failed {method} {route} {attempt} time(s); last: {failure}", status, cause);
            var delay = RetryDelays.Next(attempt, retryAfter, _options.RetryBaseDelay, _options.MaxRetryDelay, Random.Shared);
            _log.LogWarning("Inference service {Route}: {Failure}; retry {Retry} of {MaxRetries} in {Delay:0.000} s",
                route, failure, attempt, _options.MaxRetries, delay.TotalSeconds);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow;
        return null;
    }

    private static T Parse<T>(byte[] bytes, JsonTypeInfo<T> type, string route, int status)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type)
                ?? throw new InferenceServiceException($"The inference service answered {route} with an empty body.", status);
        }
        catch (JsonException e)
        {
            throw new InferenceServiceException($"The inference service's answer to {route} is not what this client expects: {e.Message}", status, e);
        }
    }

    /// <summary>A 4xx: the service's reason code when it gave one of ours (the input was refused), else a plain failure.</summary>
    private static Exception Refusal(string route, int status, byte[] body)
    {
        var problem = TryProblem(body);
        string detail = problem?.Detail ?? problem?.Title ?? Describe(body);
        if (problem?.Reason is { } reason && ReasonCodes.All.Contains(reason))
            return new PilgiException(reason, detail);
        return new InferenceServiceException($"The inference service refused {route} ({status}): {detail}", status);
    }

    private static ProblemReply? TryProblem(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, InferenceJson.Default.ProblemReply);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(byte[] body)
    {
        var problem = TryProblem(body);
        if ((problem?.Detail ?? problem?.Title) is { } text) return text;
        var raw = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return raw.Length == 0 ? "(no body)" : raw;
    }
}
