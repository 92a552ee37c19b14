using Pilgi.Cli.Composition;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Results;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// The local durable host with <c>Pilgi:Inference:Mode=Remote</c>: its detect and recognise activities call the inference
/// service, a process of its own that reads the forms from the same storage account (as it would in Azure). Sample scans
/// are read end to end, with the values this process reads in-process.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class RemoteInferenceHostTests(ITestOutputHelper output)
{
    [AzuriteFact]
    public async Task The_local_durable_host_reads_every_sample_scan_through_the_inference_service()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        await using var service = await InferenceServerProcess.StartAsync(output, $"Pilgi:Pipeline:StorageConnectionString={harness.Storage}");
        // three layouts keep it quick; every sample goes through the service in Pilgi.InferenceServer.Tests
        var scans = RepoPaths.Layouts.Where((_, i) => i % 2 == 0).ToDictionary(l => $"{l}/{l}-0001.jpg", RepoPaths.SampleScan);
        foreach (var (name, file) in scans) await harness.PutScanAsync(name, await File.ReadAllBytesAsync(file));

        var host = await harness.StartHostAsync(recognizer: null, poll: true, "Pilgi:Inference:Mode=Remote", $"Pilgi:Inference:Url={service.Url}");
        var ended = await new EndedScans(host.Watcher).WaitForAsync(scans.Count, TimeSpan.FromMinutes(5));

        Assert.All(ended, e => Assert.Equal(ReadScanOutcome.Succeeded, e.Outcome));
        Assert.Empty(await harness.NamesAsync(StorageNames.Failed));
        var reader = ReaderFactory.Create(RepoPaths.SampleTemplates, RepoPaths.Models);
        foreach (var (name, file) in scans)
        {
            var remote = await harness.ReadResultAsync(Path.ChangeExtension(name, ".json"));
            var read = (await reader.ReadAsync(await File.ReadAllBytesAsync(file), name, name.Split('/')[0])).Result;
            var local = ResultJson.Deserialize(System.Text.Encoding.UTF8.GetString(ResultJson.SerializeToUtf8Bytes(read))); // boxes as results store them
            Assert.Equal(local.Models, remote.Models);
            Assert.Equal(Values(local), Values(remote));
        }
        using var client = service.Client();
        var stats = await client.StatsAsync();
        Assert.Equal(scans.Count, stats.Detection.Requests); // one page each
        Assert.True(stats.Recognition.Crops > 0);
    }

    /// <summary>Each field's value, confidence and box, as text.</summary>
    private static List<string> Values(ScanResult result) =>
        result.Fields.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={f.Value.Value}|{f.Value.Confidence:R}|{string.Join(",", f.Value.Box is { } b ? [b.X, b.Y, b.W, b.H] : Array.Empty<double>())}")
            .ToList();
}
