using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Messaging.EventGrid;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Tests.Support;

namespace Pilgi.Pipeline.Tests.Events;

/// <summary>
/// The Event Grid publisher against a fake topic that keeps Event Grid's CloudEvents publish contract
/// (<see cref="FakeEventGridTopic"/>): what it sends, which answers Azure.Core's retry policy retries, and which
/// surface as <see cref="RequestFailedException"/> so the activity is retried by the orchestration.
/// </summary>
public sealed class EventGridScanEventSinkTests : IAsyncLifetime
{
    private const int ClientRetries = 2;
    private FakeEventGridTopic _topic = null!;

    public async Task InitializeAsync() => _topic = await FakeEventGridTopic.StartAsync();

    public async Task DisposeAsync() => await _topic.DisposeAsync();

    private sealed class IdentityToken : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes) Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(FakeEventGridTopic.Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    private EventGridScanEventSink Sink(TokenCredential? credential = null)
    {
        var trusted = _topic.Certificate.Thumbprint;
        var options = new EventGridPublisherClientOptions
        {
            Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == trusted,
            }),
        };
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = ClientRetries;
        return new EventGridScanEventSink(_topic.Endpoint, credential ?? new IdentityToken(), options);
    }

    private static Azure.Messaging.CloudEvent Event(string correlationId = "crm-7")
    {
        var job = ScanJob.FromPath("scans/deposit/001.jpg", "e1") with { CorrelationId = correlationId };
        var request = new ScanEventRequest(job, job.InstanceId,
            new ReadScanOutcome(ReadScanOutcome.Succeeded, job.Path, 1, "results/deposit/001.json") { Fields = 5, FieldsRead = 5, NeedsReview = 1 },
            DateTimeOffset.UtcNow);
        return ScanEvents.Create(request, "https://pilgi.example/results", new Uri("https://acct.blob.core.windows.net/results/deposit/001.json"));
    }

    [Fact]
    public async Task An_event_is_posted_as_a_cloudevents_batch_with_the_identitys_token()
    {
        var credential = new IdentityToken();
        var sent = Event();

        await Sink(credential).SendAsync(sent);

        var request = Assert.Single(_topic.Requests);
        Assert.Equal("Bearer " + FakeEventGridTopic.Token, request.Authorization);
        Assert.Equal("application/cloudevents-batch+json; charset=utf-8", request.ContentType);
        Assert.NotEmpty(request.ApiVersion);
        Assert.Contains("https://eventgrid.azure.net/.default", credential.Scopes);
        var accepted = Assert.Single(_topic.Accepted);
        Assert.Equal(sent.Id, accepted.GetProperty("id").GetString());
        Assert.Equal(ScanEventTypes.Completed, accepted.GetProperty("type").GetString());
        Assert.Equal("scans/deposit/001.jpg", accepted.GetProperty("subject").GetString());
        Assert.Equal("crm-7", accepted.GetProperty("data").GetProperty("correlationId").GetString());
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(500)]
    public async Task Throttling_and_server_errors_are_retried_by_the_client_with_the_same_event(int status)
    {
        _topic.Answer(status, status);

        await Sink().SendAsync(Event());

        Assert.Equal(3, _topic.Requests.Count);
        var bodies = _topic.Requests.Select(r => Encoding.UTF8.GetString(r.Body)).Distinct().ToList();
        Assert.Single(bodies); // every try carries the same event, same id
        Assert.Single(_topic.Accepted);
    }

    [Fact]
    public async Task An_outage_that_outlasts_the_clients_retries_throws_so_the_activity_is_retried()
    {
        _topic.Answer(Enumerable.Repeat(503, ClientRetries + 1).ToArray());

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Sink().SendAsync(Event()));

        Assert.Equal(503, e.Status);
        Assert.Equal(ClientRetries + 1, _topic.Requests.Count);
        Assert.Empty(_topic.Accepted);
    }

    [Fact]
    public async Task A_wrong_token_is_401_and_is_not_retried()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Sink(new WrongToken()).SendAsync(Event()));

        Assert.Equal(401, e.Status);
        Assert.Single(_topic.Requests);
    }

    [Fact]
    public async Task An_identity_without_the_data_sender_role_is_403_and_is_not_retried()
    {
        _topic.Forbidden = true;

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Sink().SendAsync(Event()));

        Assert.Equal(403, e.Status);
        Assert.Single(_topic.Requests);
    }

    [Fact]
    public async Task A_batch_over_one_megabyte_is_413_and_is_not_retried()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Sink().SendAsync(Event(new string('c', FakeEventGridTopic.MaxRequestBytes))));

        Assert.Equal(413, e.Status);
        Assert.Single(_topic.Requests);
    }

    [Fact]
    public async Task A_request_the_topic_refuses_as_bad_is_400_and_is_not_retried()
    {
        _topic.Answer(400);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Sink().SendAsync(Event()));

        Assert.Equal(400, e.Status);
        Assert.Single(_topic.Requests);
    }

    private sealed class WrongToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("not-the-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
