using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Privacy;

/// <summary>
/// Full scans through the orchestration in this process, logging everything (every category, every level) through
/// the masking every host uses: no personal number that was read, or that names a scan, reaches a log line.
/// </summary>
public class PiiInLogsTests
{
    private const string ReadName = "remittance/홍길동_900101-1234567_010-1234-5678.jpg";
    private const string FailedName = "withdrawal/110-123-456789_9001011234567.jpg";

    private static readonly string[] InNames = ["900101-1234567", "010-1234-5678", "110-123-456789", "9001011234567", "1234-5678", "123-456789"];

    [Fact]
    public async Task No_personal_number_read_or_in_a_scans_name_reaches_a_log_line()
    {
        var logs = new CapturedLogs();
        using var factory = logs.MaskedFactory();
        ReadScanOutcome read, failed;
        await using (var host = await PipelineHost.StartAsync(new PersonalNumberRecognizer(), logs: factory))
        {
            host.Storage.Put(StorageNames.Scans, ReadName, SampleScans.Get("remittance").Bytes);
            host.Storage.Put(StorageNames.Scans, FailedName, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F']);
            (_, read) = await host.RunAsync(await host.Storage.JobForAsync(ReadName));
            (_, failed) = await host.RunAsync(await host.Storage.JobForAsync(FailedName));

            var record = await host.ReadFailureAsync(await host.Storage.JobForAsync(FailedName));
            Assert.Contains("***-***-**6789_9001011******", record.Message);
            Assert.All(InNames, secret => Assert.DoesNotContain(secret, record.Message));
        }

        Assert.Equal(ReadScanOutcome.Succeeded, read.Status);
        Assert.Equal(ReadScanOutcome.Failed, failed.Status);
        Assert.DoesNotContain("9001011234567", failed.Message);

        string text = logs.AllText;
        Assert.NotEmpty(logs.Entries);
        // the failed scan's name was logged (the orchestration's warning), so unmasked logging would have shown it
        Assert.Contains("***-***-**6789_9001011******", text);
        Assert.All(InNames.Concat(PersonalNumberRecognizer.Secrets), secret => Assert.DoesNotContain(secret, text));
    }
}
