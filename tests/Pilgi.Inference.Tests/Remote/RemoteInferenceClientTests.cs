using System.Net;
using System.Text;
using Pilgi.Core.Errors;
using Pilgi.Inference.Remote;

namespace Pilgi.Inference.Tests.Remote;

/// <summary>The client against scripted answers: what it retries, what it gives up on, what it passes on as bad input.</summary>
public class RemoteInferenceClientTests
{
    private const string Ok = "{\"model\": \"m@1\", \"results\": [{\"text\": \"12\", \"confidence\": 0.5}]}";
    private static readonly RecognizeCropsRequest Request = new([new CropToRead([1, 2, 3], AlphabetRanges.Encode("0123456789"))]);

    [Fact]
    public async Task Retries_429_5xx_and_broken_connections_then_returns_the_answer()
    {
        var handler = new ScriptedHandler(
            _ => Reply(HttpStatusCode.TooManyRequests, "{}", retryAfterSeconds: 0),
            _ => Reply(HttpStatusCode.ServiceUnavailable, "{}"),
            _ => throw new HttpRequestException("connection refused"),
            _ => Reply(HttpStatusCode.OK, Ok));
        using var client = Client(handler, maxRetries: 3);

        var response = await client.RecognizeAsync(Request);

        Assert.Equal("12", Assert.Single(response.Results).Text);
        Assert.Equal(4, handler.Calls);
        Assert.All(handler.Bodies, b => Assert.Contains("\"alphabet\":[[48,57]]", b)); // the same request every time
    }

    [Fact]
    public async Task Gives_up_after_the_retries_with_the_last_failure()
    {
        var handler = new ScriptedHandler(_ => Reply(HttpStatusCode.BadGateway, "{\"detail\": \"down for maintenance\"}"));
        using var client = Client(handler, maxRetries: 2);

        var e = await Assert.ThrowsAsync<InferenceServiceException>(() => client.RecognizeAsync(Request));

        Assert.Equal(3, handler.Calls);
        Assert.Equal(502, e.Status);
        Assert.Contains("down for maintenance", e.Message);
    }

    [Fact]
    public async Task An_attempt_that_takes_too_long_is_abandoned_and_retried()
    {
        var handler = new ScriptedHandler(
            async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return Reply(HttpStatusCode.OK, Ok);
            },
            _ => Task.FromResult(Reply(HttpStatusCode.OK, Ok)));
        using var client = Client(handler, maxRetries: 1, timeoutSeconds: 0.2);

        Assert.Single((await client.RecognizeAsync(Request)).Results);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task Bad_input_is_not_retried_and_keeps_its_reason_code()
    {
        var handler = new ScriptedHandler(_ => Reply(HttpStatusCode.BadRequest,
            "{\"title\": \"Image refused\", \"status\": 400, \"detail\": \"'crop 1' could not be read\", \"reason\": \"image_corrupt\"}"));
        using var client = Client(handler, maxRetries: 5);

        var e = await Assert.ThrowsAsync<PilgiException>(() => client.RecognizeAsync(Request));

        Assert.Equal(ReasonCodes.ImageCorrupt, e.Reason);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public void A_remote_mode_without_a_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new InferenceOptions { Mode = InferenceMode.Remote }.Validate());
        Assert.Throws<ArgumentException>(() => new InferenceOptions { Mode = InferenceMode.Remote, Url = "ftp://x" }.Validate());
        Assert.Equal("http://h:1/prefix/", new InferenceOptions { Url = "http://h:1/prefix" }.BaseAddress().AbsoluteUri);
    }

    private static RemoteInferenceClient Client(ScriptedHandler handler, int maxRetries, double timeoutSeconds = 30) =>
        new(new HttpClient(handler), new InferenceOptions
        {
            Mode = InferenceMode.Remote,
            Url = "http://inference.test",
            MaxRetries = maxRetries,
            TimeoutSeconds = timeoutSeconds,
            RetryBaseDelaySeconds = 0.001,
            MaxRetryDelaySeconds = 0.01,
        });

    private static HttpResponseMessage Reply(HttpStatusCode status, string json, int? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (retryAfterSeconds is { } s) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(s));
        return response;
    }

    /// <summary>Answers the n-th call with the n-th script (the last one again after that), recording the bodies sent.</summary>
    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<CancellationToken, Task<HttpResponseMessage>>[] _script;
        private int _calls;

        public ScriptedHandler(params Func<CancellationToken, HttpResponseMessage>[] script)
            : this(script.Select(s => (Func<CancellationToken, Task<HttpResponseMessage>>)(ct => Task.FromResult(s(ct)))).ToArray())
        {
        }

        public ScriptedHandler(params Func<CancellationToken, Task<HttpResponseMessage>>[] script) => _script = script;

        public int Calls => _calls;

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n = Interlocked.Increment(ref _calls);
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Bodies) Bodies.Add(body);
            return await _script[Math.Min(n, _script.Length) - 1](cancellationToken);
        }
    }
}
