using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Results;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Telemetry;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// <c>pilgi serve</c> as a person runs it: a child process on Azurite with the real recogniser, stopped with Ctrl-C
/// (SIGINT).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ServeProcessTests(ITestOutputHelper output)
{
    [AzuriteFact]
    public async Task Serve_reads_a_scan_with_the_real_model_logs_it_and_stops_cleanly_on_ctrl_c()
    {
        await using var harness = new ServeHarness(output);
        await harness.UploadTemplatesAsync();
        var bytes = await File.ReadAllBytesAsync(RepoPaths.SampleScan("remittance"));
        await harness.PutScanAsync("remittance/2026/r1.jpg", bytes);

        var lines = new ConcurrentQueue<string>();
        // with its traces printed, as Pilgi:Telemetry:Exporter=console prints them
        using var serve = StartPilgi(lines, new() { ["Pilgi__Telemetry__Exporter"] = "console" }, "serve", "--storage", harness.Storage,
            "--task-hub", harness.TaskHub, "--poll-seconds", "0.5", "--drain-seconds", "20");
        try
        {
            var logged = await WaitForLineAsync(lines, l => l.Contains("remittance/2026/r1.jpg  template=", StringComparison.Ordinal), serve,
                TimeSpan.FromSeconds(150));
            Assert.Matches(@"remittance/2026/r1\.jpg  template=remittance  pages=1  fields=\d+ \(\d+ read, \d+ to review\)  \d+\.\d s  succeeded$", logged);

            Assert.Equal(0, Kill(serve.Id, SigInt));
            Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(45)), "serve did not stop within 45 s of Ctrl-C");
            serve.WaitForExit();
            Assert.Equal(0, serve.ExitCode);
            Assert.Contains("pilgi serve: stopped", lines);
            AssertOneTraceCoversEveryStage(lines.ToList(), "scans/remittance/2026/r1.jpg");
        }
        finally
        {
            if (!serve.HasExited) serve.Kill(entireProcessTree: true);
            foreach (var l in lines) output.WriteLine(l);
        }

        // the result is what the in-process reader makes of the same bytes with the same model
        var reader = ReaderFactory.Create(RepoPaths.SampleTemplates, RepoPaths.Models);
        var expected = (await reader.ReadAsync(bytes, "scans/remittance/2026/r1.jpg", "remittance")).Result;
        var actual = await harness.ReadResultAsync("remittance/2026/r1.json");
        Assert.Equal(ResultJson.Serialize(expected with { Timings = new() }), ResultJson.Serialize(actual with { Timings = new() }));
        Assert.Contains(actual.Fields.Values, f => !string.IsNullOrEmpty(f.Value) && f.Value != FixedRecognizer.Text);
    }

    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>
    /// The console exporter's spans (blocks of <c>Activity.*:</c> lines): all in the trace the scan's scheduling span
    /// started, one per stage at least.
    /// </summary>
    private static void AssertOneTraceCoversEveryStage(List<string> lines, string scan)
    {
        var spans = new List<Dictionary<string, string>>();
        foreach (var line in lines)
        {
            var m = Regex.Match(line, @"^(Activity\.\w+|\s+[\w.]+):\s+(.*)$");
            if (!m.Success) continue;
            if (m.Groups[1].Value == "Activity.TraceId") spans.Add(new Dictionary<string, string>(StringComparer.Ordinal));
            if (spans.Count > 0) spans[^1].TryAdd(m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim());
        }
        var schedule = Assert.Single(spans, s => s.GetValueOrDefault("Activity.DisplayName") == ScanScheduling.ScheduleSpan
            && s.GetValueOrDefault(TelemetryTags.Scan) == scan && s.GetValueOrDefault(TelemetryTags.Outcome) == "started");
        var trace = spans.Where(s => s["Activity.TraceId"] == schedule["Activity.TraceId"]).ToList();
        // one scan, one trace: the backend's storage polling is not traced, the scan's own blob calls are in it
        Assert.Equal(spans.Count, trace.Count);
        foreach (var stage in new[] { ReadScanOrchestrator.Name, PreprocessScanActivity.Name, DetectPageActivity.Name, RecognizeBatchActivity.Name, FuseAndWriteResultActivity.Name })
            Assert.Contains(trace, s => s["Activity.DisplayName"] == stage);
        var read = Assert.Single(trace, s => s["Activity.DisplayName"] == ReadScanOrchestrator.Name);
        Assert.Equal(ReadScanOutcome.Succeeded, read[TelemetryTags.Outcome]);
        Assert.Equal("1", read[TelemetryTags.Pages]);
        Assert.StartsWith("pilgi-rec", Assert.Single(trace, s => s["Activity.DisplayName"] == FuseAndWriteResultActivity.Name)[TelemetryTags.ModelPrefix + "recognizer"]);
    }

    /// <summary>
    /// The CLI built beside the tests, run with <c>dotnet</c> as from a terminal: with SIGINT's default action. A test
    /// run started as a background job of a script (as CI may start it) has SIGINT ignored, every child inherits that,
    /// and .NET then leaves Ctrl-C ignored, as POSIX asks of a background job; <c>env --default-signal</c> undoes it.
    /// </summary>
    private static Process StartPilgi(ConcurrentQueue<string> lines, Dictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pilgi.dll");
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> lines, Func<string, bool> match, Process process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (lines.FirstOrDefault(match) is { } line) return line;
            Assert.False(process.HasExited, $"serve exited ({(process.HasExited ? process.ExitCode : 0)}): {string.Join("\n", lines)}");
            Assert.True(DateTime.UtcNow < deadline, $"no such line within {timeout.TotalSeconds:0} s: {string.Join("\n", lines)}");
            await Task.Delay(200);
        }
    }
}
