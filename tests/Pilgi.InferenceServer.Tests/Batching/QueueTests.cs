using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pilgi.Core.Raster;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Batching;
using Pilgi.InferenceServer.Tests.Support;

namespace Pilgi.InferenceServer.Tests.Batching;

/// <summary>
/// The recognise queue with an engine the test holds at a gate: what waits, what is merged, what is turned away. No
/// timing: the test waits for the states it needs.
/// </summary>
public class QueueTests
{
    [Fact]
    public async Task A_full_queue_turns_the_next_request_away_with_429_and_retry_after()
    {
        var engine = new GatedEngine();
        await using var factory = ServiceFactory.Create(engine, "Pilgi:InferenceServer:QueueCapacity=1", "Pilgi:InferenceServer:BatchWindowMilliseconds=0",
            "Pilgi:InferenceServer:RetryAfterSeconds=2");
        var http = factory.CreateClient();
        var batcher = factory.Services.GetRequiredService<RecognitionBatcher>();
        var png = Payloads.CropPng();
        try
        {
            var running = http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png));
            await engine.WaitForRunAsync();                      // the model is busy with the first
            var waiting = http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png));
            await WaitUntilAsync(() => batcher.Waiting == 1);     // the second fills the queue

            var refused = await http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png));

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
            Assert.Equal(429, (await Payloads.ProblemAsync(refused)).Status);
            engine.Open();
            Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
            Assert.Equal(1, batcher.Counters.Snapshot().Rejected);
        }
        finally
        {
            engine.Open();
        }
    }

    [Fact]
    public async Task Requests_that_wait_together_are_read_in_one_run()
    {
        var engine = new GatedEngine();
        await using var factory = ServiceFactory.Create(engine, "Pilgi:InferenceServer:QueueCapacity=8", "Pilgi:InferenceServer:BatchWindowMilliseconds=0");
        var http = factory.CreateClient();
        var batcher = factory.Services.GetRequiredService<RecognitionBatcher>();
        var png = Payloads.CropPng();
        try
        {
            var first = http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png));
            await engine.WaitForRunAsync();
            var more = new[] { 1, 2, 3 }.Select(n => http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(Enumerable.Repeat(png, n).ToArray()))).ToList();
            await WaitUntilAsync(() => batcher.Waiting == 3);
            engine.Open();

            Assert.All(await Task.WhenAll(more.Append(first)), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal([1, 6], engine.RunSizes.ToArray()); // the three waiting requests (1 + 2 + 3 crops) in one run
            var stats = batcher.Counters.Snapshot();
            Assert.Equal(2, stats.Flushes);
            Assert.Equal(2, stats.MeanRequestsPerFlush);
            Assert.Equal(6, stats.MaxRunSize);
        }
        finally
        {
            engine.Open();
        }
    }

    [Fact]
    public async Task The_remote_client_retries_past_429_until_it_is_served()
    {
        var engine = new GatedEngine();
        await using var factory = ServiceFactory.Create(engine, "Pilgi:InferenceServer:QueueCapacity=1", "Pilgi:InferenceServer:BatchWindowMilliseconds=0");
        var http = factory.CreateClient();
        var batcher = factory.Services.GetRequiredService<RecognitionBatcher>();
        using var client = ServiceFactory.Client(factory, maxRetries: 1000);
        var png = Payloads.CropPng();
        try
        {
            var running = http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png));
            await engine.WaitForRunAsync();
            var waiting = http.PostAsync(InferenceRoutes.Recognize, Payloads.Recognize(png));
            await WaitUntilAsync(() => batcher.Waiting == 1);

            var crop = new GrayImage(60, 20, new byte[60 * 20]);
            var retried = new RemoteLineRecognizer(client).RecognizeAsync([crop], ["0123456789"]);
            await WaitUntilAsync(() => batcher.Counters.Snapshot().Rejected >= 2); // turned away, and again after its first retry
            Assert.False(retried.IsCompleted);
            engine.Open();

            var read = Assert.Single(await retried);
            Assert.Equal("read", read.Text);
            Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        }
        finally
        {
            engine.Open();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the service never got there");
            await Task.Delay(10);
        }
    }
}
