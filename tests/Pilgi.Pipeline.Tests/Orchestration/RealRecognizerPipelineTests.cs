using Microsoft.Extensions.DependencyInjection;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Reading;
using Pilgi.Reading.Templates;

namespace Pilgi.Pipeline.Tests.Orchestration;

/// <summary>
/// With the real recogniser (loaded through the pipeline's options, as a host loads it): the orchestration's
/// result is exactly what <see cref="FormReader.ReadAsync"/> gives for the same bytes with the same engines.
/// Whether the values match the labels is asserted by the golden tests.
/// </summary>
public class RealRecognizerPipelineTests
{
    [RequiresRecognizerFact]
    public async Task The_orchestrated_result_equals_the_in_process_read()
    {
        await using var host = await PipelineHost.StartAsync(recognizer: null);
        var sample = SampleScans.Get("remittance");
        var job = await host.Storage.JobForAsync(sample.BlobName);

        var (_, outcome) = await host.RunAsync(job);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.IsType<OnnxLineRecognizer>(host.Services.GetRequiredService<ILineRecognizer>());
        var reader = new FormReader(await host.Services.GetRequiredService<ITemplateProvider>().GetAsync(),
            host.Services.GetRequiredService<ReadingSteps>());
        var expected = await reader.ReadAsync(sample.Bytes, job.Path, job.TemplateId);
        var actual = await host.ReadResultAsync(job);
        Assert.Contains(actual.Fields.Values, f => !string.IsNullOrEmpty(f.Value) && f.Value != FixedTextPipelineFixture.Text);
        ResultAssert.SameReading(expected.Result, actual);
    }
}
