using System.Diagnostics;
using Pilgi.BadInputs;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.BadInputs;

/// <summary>The generated bad-input corpus through the orchestration in this process; see <see cref="BadInputCorpus"/>.</summary>
public sealed class BadInputCorpusFixture : IAsyncLifetime
{
    internal PipelineHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await PipelineHost.StartAsync(new FixedRecognizer("x"));
        foreach (var name in Corpus.Manifest.Templates)
            Host.Storage.Put(StorageNames.Templates, name, File.ReadAllBytes(Path.Combine(Corpus.Directory, "templates", name)));
        foreach (var scan in Corpus.Manifest.Scans)
            Host.Storage.Put(StorageNames.Scans, scan.ScanBlob, File.ReadAllBytes(Path.Combine(Corpus.Directory, "scans", scan.ScanBlob)));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The corpus, generated once per test run into a temporary folder.</summary>
internal static class Corpus
{
    private static readonly Lazy<(string Directory, CorpusManifest Manifest)> Written = new(() =>
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("pilgi-bad-inputs-").FullName;
        return (dir, BadInputCorpus.Write(dir, RepoPaths.SampleForms));
    });

    public static string Directory => Written.Value.Directory;
    public static CorpusManifest Manifest => Written.Value.Manifest;
    public static IEnumerable<object[]> Cases() => Manifest.Scans.Select(s => new object[] { s.Case });
}

public class BadInputCorpusTests(BadInputCorpusFixture fixture) : IClassFixture<BadInputCorpusFixture>
{
    /// <summary>Far below what decoding any of the bombs would take (10 GB for the PNG alone).</summary>
    private const long MemoryBound = 3L * 1024 * 1024 * 1024;

    private PipelineHost Host => fixture.Host;

    [Theory]
    [MemberData(nameof(Corpus.Cases), MemberType = typeof(Corpus))]
    public async Task Each_bad_upload_ends_in_its_record_and_the_host_reads_the_next_scan(string @case)
    {
        var input = Corpus.Manifest.Scans.Single(s => s.Case == @case);
        var job = await Host.Storage.JobForAsync(input.ScanBlob);

        var (_, outcome) = await Host.RunAsync(job);

        if (input.ExpectsResult)
        {
            Assert.True(outcome.Status == ReadScanOutcome.Succeeded, $"{@case}: {outcome.Status} {outcome.Reason}");
            var layout = input.ScanBlob[..input.ScanBlob.IndexOf('/')];
            var result = await Host.ReadResultAsync(job);
            Assert.Equal(layout, result.Template);
            Assert.Equal(SampleScans.Get(layout).FilledFields(),
                result.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).Order(StringComparer.Ordinal));
            Assert.Empty(await Host.Storage.NamesAsync(StorageNames.Failed, Stem(job.FailureBlob)));
        }
        else
        {
            Assert.Equal(ReadScanOutcome.Failed, outcome.Status);
            Assert.Equal(input.Reason, outcome.Reason);
            var error = await Host.ReadFailureAsync(job);
            Assert.Equal(input.Reason, error.Reason);
            Assert.Contains(job.Path, error.Message);
            Assert.Empty(await Host.Storage.NamesAsync(StorageNames.Results, Stem(job.ResultBlob)));
            Assert.Equal(1, Host.Storage.Store.Reads(StorageNames.Scans, input.ScanBlob)); // bad input is not retried
        }
        Assert.True(await Host.Storage.Files.ExistsAsync(StorageNames.Scans, input.ScanBlob), "the upload stays where it was");

        // the host goes on: a good scan right after reads as usual
        var sample = SampleScans.Get("withdrawal");
        var next = $"withdrawal/after-{@case}.jpg";
        Host.Storage.Put(StorageNames.Scans, next, sample.Bytes);
        var (_, nextOutcome) = await Host.RunAsync(await Host.Storage.JobForAsync(next));
        Assert.Equal(ReadScanOutcome.Succeeded, nextOutcome.Status);

        using var self = Process.GetCurrentProcess();
        Assert.True(self.PeakWorkingSet64 < MemoryBound, $"peak working set {self.PeakWorkingSet64 / (1 << 20)} MiB");
    }

    private static string Stem(string blob) => blob[..(blob.LastIndexOf('.') + 1)];
}
