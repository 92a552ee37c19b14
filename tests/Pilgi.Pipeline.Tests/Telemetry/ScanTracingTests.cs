using System.Diagnostics;
using Pilgi.Core.Errors;
using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Telemetry;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Telemetry;

/// <summary>
/// One scan through the durable orchestration in this process, with the spans, metrics and logs a host would
/// export captured in memory: one trace per scan, a span per stage, the attributes, and no personal data in any of it.
/// </summary>
public sealed class ScanTracingTests : IAsyncLifetime
{
    // what the recogniser "reads" in every field: a resident registration number, a phone and an account number
    private const string Rrn = "900101-1234568";
    private const string Phone = "010-2345-6789";
    private const string Account = "110-345-678901";

    private readonly TelemetryCapture _capture = new();
    private PipelineHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await PipelineHost.StartAsync(new PiiRecognizer($"{Rrn} {Phone} {Account}"), logs: _capture.Logs);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _capture.Dispose();
    }

    [Fact]
    public async Task A_scan_is_one_trace_with_a_span_for_every_stage()
    {
        var job = await _host.Storage.JobForAsync(SampleScans.Get("account_opening").BlobName);

        var (_, outcome) = await _host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        var trace = _capture.TraceOf(job.InstanceId);
        var schedule = Assert.Single(trace, s => s.DisplayName == ScanScheduling.ScheduleSpan);
        string[] stages =
        [
            ReadScanOrchestrator.Name, PreprocessScanActivity.Name, DetectPageActivity.Name, RecognizeBatchActivity.Name,
            FuseAndWriteResultActivity.Name,
        ];
        foreach (var stage in stages) Assert.Contains(trace, s => s.DisplayName == stage);
        Assert.DoesNotContain(trace, s => s.DisplayName == WriteFailureActivity.Name);
        // the orchestration and every activity hang off the scheduling span, whichever invocation ran them
        Assert.All(trace.Where(s => s != schedule), s => Assert.Equal(schedule.SpanId, s.ParentSpanId));
        Assert.All(trace, s => Assert.NotEqual(ActivityStatusCode.Error, s.Status));

        var scan = Assert.Single(trace, s => s.DisplayName == ReadScanOrchestrator.Name);
        Assert.Equal(job.Path, scan.GetTagItem(TelemetryTags.Scan));
        Assert.Equal("account_opening", scan.GetTagItem(TelemetryTags.Template));
        Assert.Equal(job.InstanceId, scan.GetTagItem(TelemetryTags.InstanceId));
        Assert.Equal(ReadScanOutcome.Succeeded, scan.GetTagItem(TelemetryTags.Outcome));
        Assert.Equal(1, scan.GetTagItem(TelemetryTags.Pages));
        Assert.Equal(outcome.Fields, scan.GetTagItem(TelemetryTags.Fields));
        Assert.True((int)scan.GetTagItem(TelemetryTags.Regions)! > 0);
        foreach (var stage in new[] { ReadScanStages.Preprocess, ReadScanStages.Detect, ReadScanStages.Recognize, ReadScanStages.Write })
            Assert.IsType<double>(scan.GetTagItem($"pilgi.stage.{stage}.ms"));
        var activities = trace.Where(s => s.DisplayName != ReadScanOrchestrator.Name && s != schedule).ToList();
        Assert.True(scan.StartTimeUtc <= activities.Min(s => s.StartTimeUtc) && scan.StartTimeUtc + scan.Duration >= activities.Max(s => s.StartTimeUtc),
            "the orchestration's span covers its activities");

        var pre = Assert.Single(trace, s => s.DisplayName == PreprocessScanActivity.Name);
        Assert.Equal(1, pre.GetTagItem(TelemetryTags.Pages));
        Assert.Equal(job.Path, pre.GetTagItem(TelemetryTags.Scan));
        var detect = Assert.Single(trace, s => s.DisplayName == DetectPageActivity.Name);
        Assert.Equal(scan.GetTagItem(TelemetryTags.Regions), detect.GetTagItem(TelemetryTags.Regions));
        Assert.All(trace.Where(s => s.DisplayName == RecognizeBatchActivity.Name), s =>
        {
            Assert.Equal(PiiRecognizer.Id, s.GetTagItem(TelemetryTags.ModelPrefix + "recognizer"));
            Assert.True((int)s.GetTagItem(TelemetryTags.Crops)! > 0);
        });
        var write = Assert.Single(trace, s => s.DisplayName == FuseAndWriteResultActivity.Name);
        Assert.Equal(outcome.Fields, write.GetTagItem(TelemetryTags.Fields));
        Assert.Equal(PiiRecognizer.Id, write.GetTagItem(TelemetryTags.ModelPrefix + "recognizer"));
        Assert.NotNull(write.GetTagItem(TelemetryTags.ModelPrefix + "detector"));

        Assert.Contains(_capture.Measurements, m => m.Instrument == "pilgi.scans.processed"
            && (string?)m.Tag(TelemetryTags.Outcome) == ReadScanOutcome.Succeeded && (string?)m.Tag(TelemetryTags.Template) == "account_opening");
        foreach (var stage in stages.Skip(1))
            Assert.Contains(_capture.Measurements, m => m.Instrument == "pilgi.stage.duration" && (string?)m.Tag(TelemetryTags.Stage) == stage);
        Assert.Contains(_capture.Measurements, m => m.Instrument == "pilgi.scan.duration");
    }

    [Fact]
    public async Task A_scan_that_fails_is_traced_with_its_reason_and_counted_by_it()
    {
        _host.Storage.Put(StorageNames.Scans, "remittance/not-a-scan.jpg", "<html>no</html>"u8.ToArray());
        var job = await _host.Storage.JobForAsync("remittance/not-a-scan.jpg");

        var (_, outcome) = await _host.RunAsync(job);

        Assert.Equal(ReasonCodes.ImageUnsupportedFormat, outcome.Reason);
        var trace = _capture.TraceOf(job.InstanceId);
        var pre = Assert.Single(trace, s => s.DisplayName == PreprocessScanActivity.Name);
        Assert.Equal(ActivityStatusCode.Error, pre.Status);
        Assert.Equal(ReasonCodes.ImageUnsupportedFormat, pre.StatusDescription);
        var failure = Assert.Single(trace, s => s.DisplayName == WriteFailureActivity.Name);
        Assert.Equal(ReasonCodes.ImageUnsupportedFormat, failure.GetTagItem(TelemetryTags.Reason));
        var scan = Assert.Single(trace, s => s.DisplayName == ReadScanOrchestrator.Name);
        Assert.Equal(ReadScanOutcome.Failed, scan.GetTagItem(TelemetryTags.Outcome));
        Assert.Equal(ReasonCodes.ImageUnsupportedFormat, scan.GetTagItem(TelemetryTags.Reason));
        Assert.Equal(ActivityStatusCode.Error, scan.Status);
        Assert.Contains(_capture.Measurements, m => m.Instrument == "pilgi.scans.failed"
            && (string?)m.Tag(TelemetryTags.Reason) == ReasonCodes.ImageUnsupportedFormat);
    }

    [Fact]
    public async Task No_span_metric_or_log_carries_what_was_read()
    {
        var job = await _host.Storage.JobForAsync(SampleScans.Get("account_opening").BlobName);

        await _host.RunAsync(job);

        var result = await _host.ReadResultAsync(job);
        Assert.Contains(result.Fields.Values, f => f.Value?.Contains(Rrn, StringComparison.Ordinal) == true); // it was read
        var trace = _capture.TraceOf(job.InstanceId);
        var exported = trace.SelectMany(s => new[] { s.DisplayName, s.StatusDescription ?? "" }
                .Concat(s.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))))
            .Concat(_capture.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")))
            .Concat(_capture.LogLines)
            .ToList();
        Assert.NotEmpty(_capture.LogLines);
        foreach (var secret in new[] { Rrn, "1234568", Phone, "2345-6789", Account, "345-678901" })
            Assert.DoesNotContain(exported, line => line.Contains(secret, StringComparison.Ordinal));
    }

    /// <summary>Reads every crop as the same personal data.</summary>
    private sealed class PiiRecognizer(string text) : ILineRecognizer
    {
        public const string Id = "pii@test";

        public string ModelId => Id;

        public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<TextRecognition>>(crops.Select(_ => new TextRecognition(text, 0.99)).ToList());
    }
}
