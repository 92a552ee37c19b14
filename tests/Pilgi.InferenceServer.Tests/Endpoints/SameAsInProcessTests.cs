using Pilgi.Core.Registration;
using Pilgi.Core.Results;
using Pilgi.Imaging;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Models;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Tests.Support;
using Pilgi.Reading;
using Pilgi.Reading.Templates;

namespace Pilgi.InferenceServer.Tests.Endpoints;

/// <summary>
/// Every sample scan read twice: detection and recognition in this process, and through the service (its detect and
/// recognise calls, the scans in flight together so that the service merges their crops): the results are the same,
/// to the last digit of every box and confidence.
/// </summary>
public class SameAsInProcessTests
{
    [Fact]
    public async Task Detect_and_recognise_through_the_service_give_the_in_process_values_on_the_sample_scans()
    {
        await using var factory = ServiceFactory.Create();
        using var client = ServiceFactory.Client(factory);
        using var onnx = new OnnxLineRecognizer(ModelDescriptor.Load(Path.Combine(RepoPaths.Models, "recognizer", "pilgi-rec.json")), new OnnxSessionFactory());
        var local = Reader(new TemplateSubtractionDetector(), onnx);
        var remote = Reader(new RemoteHandwritingDetector(client), new RemoteLineRecognizer(client));
        var scans = Directory.GetFiles(RepoPaths.SampleScans).Order(StringComparer.Ordinal).ToList();

        var expected = new List<string>();
        foreach (var scan in scans) expected.Add(Comparable((await local.ReadAsync(await File.ReadAllBytesAsync(scan), Path.GetFileName(scan), null)).Result));
        var actual = await Task.WhenAll(scans.Select(async scan =>
            Comparable((await remote.ReadAsync(await File.ReadAllBytesAsync(scan), Path.GetFileName(scan), null)).Result)));

        Assert.Equal(expected, actual);
        Assert.All(expected, r => Assert.Contains("\"value\"", r));
        var stats = await client.StatsAsync();
        Assert.Equal(scans.Count, stats.Detection.Requests);
        Assert.True(stats.Recognition.Crops >= scans.Count, $"{stats.Recognition.Crops} crops read by the service");
    }

    private static FormReader Reader(IHandwritingDetector detector, ILineRecognizer recognizer)
    {
        var registrar = new PageRegistrar();
        return new FormReader(TemplateStore.FromDirectory(RepoPaths.SampleTemplates, registrar, new DetectionOptions()), new GuardedDecoder(),
            registrar, detector, recognizer);
    }

    /// <summary>The whole result but its timings, as JSON.</summary>
    private static string Comparable(ScanResult result) =>
        System.Text.Encoding.UTF8.GetString(ResultJson.SerializeToUtf8Bytes(result with { Timings = new() }));
}
