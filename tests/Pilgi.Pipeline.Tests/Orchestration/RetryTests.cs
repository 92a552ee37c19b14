using Pilgi.Core.Errors;
using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Orchestration;

/// <summary>Failures that are not bad input are retried; when retries run out the scan still ends in <c>failed/</c>.</summary>
public class RetryTests
{
    [Fact]
    public async Task A_transient_failure_is_retried_and_the_scan_is_read()
    {
        var recognizer = new ScriptedRecognizer(failFirstCalls: 1);
        await using var host = await PipelineHost.StartAsync(recognizer);
        var job = await host.Storage.JobForAsync(SampleScans.Get("deposit").BlobName);

        var (_, outcome) = await host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.True(recognizer.Calls >= 2);
        Assert.True(await host.Storage.Files.ExistsAsync(StorageNames.Results, job.ResultBlob));
        Assert.False(await host.Storage.Files.ExistsAsync(StorageNames.Failed, job.FailureBlob));
    }

    [Fact]
    public async Task A_failure_that_outlasts_the_retries_ends_in_an_error_record()
    {
        var recognizer = new ScriptedRecognizer(failFirstCalls: int.MaxValue);
        var retry = PipelineHost.FastRetry();
        await using var host = await PipelineHost.StartAsync(recognizer, retry);
        var job = await host.Storage.JobForAsync(SampleScans.Get("deposit").BlobName);

        var (_, outcome) = await host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Failed, outcome.Status);
        Assert.Equal(ReasonCodes.InferenceFailed, outcome.Reason);
        var error = await host.ReadFailureAsync(job);
        Assert.Equal(ReasonCodes.InferenceFailed, error.Reason);
        Assert.Contains("recogniser is down", error.Message);
        Assert.Contains($"{retry.MaxAttempts} attempts", error.Message);
        Assert.False(await host.Storage.Files.ExistsAsync(StorageNames.Results, job.ResultBlob));
        // every batch was tried MaxAttempts times
        Assert.Equal(0, recognizer.Calls % retry.MaxAttempts);
    }

    /// <summary>Throws on its first calls, then reads every crop as "x".</summary>
    private sealed class ScriptedRecognizer(int failFirstCalls) : ILineRecognizer
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string ModelId => "scripted@test";

        public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) <= failFirstCalls)
                throw new InvalidOperationException("The recogniser is down.");
            return Task.FromResult<IReadOnlyList<TextRecognition>>(crops.Select(_ => new TextRecognition("x", 0.99)).ToList());
        }
    }
}
