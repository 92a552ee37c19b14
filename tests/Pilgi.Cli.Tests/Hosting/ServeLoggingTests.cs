using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Tests.Support;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>What <c>serve</c> logs and writes about scans whose names or handwriting hold personal numbers.</summary>
[Collection(AzuriteCollection.Name)]
public class ServeLoggingTests(ITestOutputHelper output)
{
    private const string Rrn = "900101-1234568";

    [Fact]
    public void Serves_logging_masks_every_provider_even_one_added_later()
    {
        using var factory = ServeLogging.Create(new ConfigurationBuilder().Build());
        var captured = new CapturedLines();
        factory.AddProvider(captured);

        factory.CreateLogger("Pilgi.Cli.Hosting.ScanWatcher").LogWarning("{Line}", "remittance/010-1234-5678.jpg  failed");

        Assert.Equal(["[Pilgi.Cli.Hosting.ScanWatcher] remittance/010-****-5678.jpg  failed"], captured.Lines);
    }

    [AzuriteFact]
    public async Task A_scan_named_with_an_rrn_is_logged_masked_and_its_result_written_masked_when_asked()
    {
        var captured = new CapturedLines();
        await using var harness = new ServeHarness(output, captured);
        await harness.UploadTemplatesAsync();
        await harness.PutScanAsync($"remittance/홍길동_{Rrn}.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan("remittance")));

        var host = await harness.StartHostAsync(new FixedRecognizer(Rrn), poll: true, "Pilgi:Output:MaskPii=true");
        var ended = Assert.Single(await new EndedScans(host.Watcher).WaitForAsync(1, TimeSpan.FromSeconds(150)));

        Assert.Equal(ReadScanOutcome.Succeeded, ended.Outcome);
        Assert.Contains(captured.Lines, l => l.Contains("remittance/홍길동_900101-1******.jpg  template=remittance", StringComparison.Ordinal));
        Assert.DoesNotContain(captured.Lines, l => l.Contains(Rrn, StringComparison.Ordinal));

        var result = await harness.ReadResultAsync($"remittance/홍길동_{Rrn}.json");
        Assert.Equal("900101-1******", result.Fields["sender_rrn"].Value);
        Assert.Equal("******-***4568", result.Fields["account"].Value);
        Assert.DoesNotContain(result.Fields.Values, f => f.Value?.Contains(Rrn, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(result.Regions, r => r.Text.Contains(Rrn, StringComparison.Ordinal));
        Assert.Contains($"{StorageNames.Results}/remittance/홍길동_{Rrn}.json", ended.Blob);
    }
}
