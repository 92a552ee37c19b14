using Pilgi.Cli.Composition;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Results;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// The inference service dies under the local durable host (<c>Pilgi:Inference:Mode=Remote</c>): killed as a crash
/// would while scans are in flight. Started again, it serves the activities' retries and every scan completes once;
/// left dead, the host with <c>Pilgi:Inference:FallbackToInProcess</c> reads the scans itself. Either way the values
/// are those this process reads in-process.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class InferenceOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [AzuriteFact]
    public async Task The_service_killed_mid_run_and_started_again_every_scan_completes_once()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        string storage = $"Pilgi:Pipeline:StorageConnectionString={harness.Storage}";
        var service = await InferenceServerProcess.StartAsync(output, storage);
        try
        {
            var scans = await UploadAsync(harness, 4);
            var host = await harness.StartHostAsync(recognizer: null, poll: true,
                "Pilgi:Inference:Mode=Remote", $"Pilgi:Inference:Url={service.Url}",
                // the client's retries span the restart (a few seconds); the activity's retries back them up
                "Pilgi:Inference:MaxRetries=12", "Pilgi:Inference:RetryBaseDelaySeconds=0.25", "Pilgi:Inference:MaxRetryDelaySeconds=2",
                "Pilgi:Pipeline:Retry:MaxAttempts=4", "Pilgi:Pipeline:Retry:FirstRetryInterval=00:00:01");
            var ended = new EndedScans(host.Watcher);

            await WaitForFirstRequestAsync(service);
            await service.KillAsync();
            int endedBeforeKill = ended.All.Count;
            output.WriteLine($"killed the service with {scans.Count - endedBeforeKill} of {scans.Count} scans in flight");
            Assert.True(endedBeforeKill < scans.Count, "every scan ended before the service was killed: nothing was tested");
            await Task.Delay(TimeSpan.FromSeconds(2));
            service = await InferenceServerProcess.StartAsync(output, service.Port, storage);

            await ended.WaitForScansAsync(scans.Keys, Patience);
            await Task.Delay(TimeSpan.FromSeconds(2)); // a second end of any scan would show by now
            await AssertEachReadOnceAsInProcessAsync(harness, scans, ended.All);
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    [AzuriteFact]
    public async Task The_service_dead_for_good_with_fallback_configured_the_host_reads_the_scans_itself()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        await using var service = await InferenceServerProcess.StartAsync(output, $"Pilgi:Pipeline:StorageConnectionString={harness.Storage}");
        var scans = await UploadAsync(harness, 3);
        var host = await harness.StartHostAsync(recognizer: null, poll: true,
            "Pilgi:Inference:Mode=Remote", $"Pilgi:Inference:Url={service.Url}", "Pilgi:Inference:FallbackToInProcess=true",
            "Pilgi:Inference:MaxRetries=2", "Pilgi:Inference:RetryBaseDelaySeconds=0.1", "Pilgi:Inference:MaxRetryDelaySeconds=0.5");
        var ended = new EndedScans(host.Watcher);

        await WaitForFirstRequestAsync(service);
        await service.KillAsync();
        int endedBeforeKill = ended.All.Count;
        output.WriteLine($"killed the service with {scans.Count - endedBeforeKill} of {scans.Count} scans in flight");
        Assert.True(endedBeforeKill < scans.Count, "every scan ended before the service was killed: the fallback was not used");

        await ended.WaitForScansAsync(scans.Keys, Patience);
        await AssertEachReadOnceAsInProcessAsync(harness, scans, ended.All);
    }

    /// <summary>Sample scans of <paramref name="count"/> layouts: blob name -> file.</summary>
    private static async Task<Dictionary<string, string>> UploadAsync(ServeHarness harness, int count)
    {
        var scans = RepoPaths.Layouts.Take(count).ToDictionary(l => $"{l}/{l}-0001.jpg", RepoPaths.SampleScan);
        foreach (var (name, file) in scans) await harness.PutScanAsync(name, await File.ReadAllBytesAsync(file));
        return scans;
    }

    /// <summary>Until the service has been asked to detect or recognise something: scans are then in flight through it.</summary>
    private static async Task WaitForFirstRequestAsync(InferenceServerProcess service)
    {
        using var client = service.Client();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var stats = await client.StatsAsync();
            if (stats.Detection.Requests + stats.Recognition.Requests > 0) return;
            Assert.True(DateTime.UtcNow < deadline, "the host sent the service nothing within 2 minutes");
            await Task.Delay(50);
        }
    }

    private static async Task AssertEachReadOnceAsInProcessAsync(ServeHarness harness, Dictionary<string, string> scans,
        IReadOnlyList<Pilgi.Cli.Hosting.ScanEnded> ends)
    {
        foreach (var name in scans.Keys)
        {
            var end = Assert.Single(ends, e => e.Scan == name);
            Assert.Equal(ReadScanOutcome.Succeeded, end.Outcome);
        }
        Assert.Empty(await harness.NamesAsync(StorageNames.Failed));
        var reader = ReaderFactory.Create(RepoPaths.SampleTemplates, RepoPaths.Models);
        foreach (var (name, file) in scans)
        {
            var stored = await harness.ReadResultAsync(Path.ChangeExtension(name, ".json"));
            var read = (await reader.ReadAsync(await File.ReadAllBytesAsync(file), name, name.Split('/')[0])).Result;
            var local = ResultJson.Deserialize(System.Text.Encoding.UTF8.GetString(ResultJson.SerializeToUtf8Bytes(read)));
            Assert.Equal(Values(local), Values(stored));
        }
    }

    private static List<string> Values(ScanResult result) =>
        result.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value.Value}|{f.Value.Confidence:R}").ToList();
}
