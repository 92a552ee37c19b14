using System.Diagnostics;
using Pilgi.BadInputs;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Tests.Support;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;
using Xunit.Abstractions;

namespace Pilgi.Cli.Tests.Hosting;

/// <summary>
/// The generated bad-input corpus (<see cref="BadInputCorpus"/>) uploaded all at once into <c>serve</c>'s durable host
/// on Azurite: each upload ends in its record or its result, the uploads stay put, memory stays bounded and the host
/// reads the next good scan.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class BadInputCorpusServeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(300);

    /// <summary>
    /// How much the process may grow while the host reads the corpus (its models loaded included): far below what
    /// decoding any of the bombs would take (10 GB for the PNG alone). Growth, not the working set itself, which holds
    /// whatever the assembly's earlier tests loaded.
    /// </summary>
    private const long MemoryGrowthBound = 1536L * 1024 * 1024;

    [AzuriteFact]
    public async Task The_whole_corpus_at_once_ends_in_a_record_or_result_each_and_the_host_goes_on()
    {
        var corpusDir = Directory.CreateTempSubdirectory("pilgi-bad-inputs-serve-").FullName;
        try
        {
            var manifest = BadInputCorpus.Write(corpusDir, RepoPaths.SampleForms);
            await using var harness = new ServeHarness(output);
            await harness.UploadTemplatesAsync();
            await BlobUploads.UploadTemplatesAsync(harness.Blobs, Path.Combine(corpusDir, "templates"));
            var jobs = new Dictionary<string, ScanJob>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(manifest.Scans, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (scan, _) =>
            {
                var etag = await harness.PutScanAsync(scan.ScanBlob, await File.ReadAllBytesAsync(Path.Combine(corpusDir, "scans", scan.ScanBlob)));
                lock (jobs) jobs[scan.Case] = ScanJob.FromBlob(StorageNames.Scans, scan.ScanBlob, etag);
            });

            using var memory = new PeakMemory();
            var host = await harness.StartHostAsync();
            var ended = new EndedScans(host.Watcher);
            var all = await ended.WaitForScansAsync(manifest.Scans.Select(s => s.ScanBlob).ToList(), Patience);

            var failed = await harness.NamesAsync(StorageNames.Failed);
            var results = await harness.NamesAsync(StorageNames.Results);
            foreach (var input in manifest.Scans)
            {
                var job = jobs[input.Case];
                var end = Assert.Single(all, e => e.Scan == input.ScanBlob);
                output.WriteLine($"{input.Case,-20} {end}");
                if (input.ExpectsResult)
                {
                    Assert.True(end.Outcome == ReadScanOutcome.Succeeded, $"{input.Case}: {end}");
                    Assert.Contains(job.ResultBlob, results);
                    Assert.DoesNotContain(job.FailureBlob, failed);
                }
                else
                {
                    Assert.True(end.Outcome == ReadScanOutcome.Failed && end.Reason == input.Reason, $"{input.Case}: expected {input.Reason}, got {end}");
                    Assert.Equal(input.Reason, (await harness.ReadFailureAsync(job.FailureBlob)).Reason);
                    Assert.DoesNotContain(job.ResultBlob, results);
                }
            }
            // every upload stays where it was (the account may hold other tests' scans too)
            Assert.Empty(manifest.Scans.Select(s => s.ScanBlob).Except(await harness.NamesAsync(StorageNames.Scans)));

            // the host goes on: a good scan uploaded now is read
            await harness.PutScanAsync("withdrawal/after-the-corpus.jpg", await File.ReadAllBytesAsync(RepoPaths.SampleScan("withdrawal")));
            // waited for by name: the host also reads whatever other tests leave in the shared account
            var next = Assert.Single(await ended.WaitForScansAsync(["withdrawal/after-the-corpus.jpg"], Patience),
                e => e.Scan == "withdrawal/after-the-corpus.jpg");
            Assert.Equal(ReadScanOutcome.Succeeded, next.Outcome);

            output.WriteLine($"working set: {memory.Start / (1 << 20)} MiB before, {memory.Peak / (1 << 20)} MiB at most while the corpus was read");
            Assert.True(memory.Peak - memory.Start < MemoryGrowthBound,
                $"working set grew by {(memory.Peak - memory.Start) / (1 << 20)} MiB, to {memory.Peak / (1 << 20)} MiB");
        }
        finally
        {
            Directory.Delete(corpusDir, recursive: true);
        }
    }

    /// <summary>This process's working set, sampled every 100 ms while it lives: its start and its peak.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public PeakMemory()
        {
            Start = Sample();
            _peak = Start;
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    long now = Sample();
                    if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                    try { await Task.Delay(100, _stop.Token); }
                    catch (OperationCanceledException) { }
                }
            });
        }

        public long Start { get; }

        public long Peak => Math.Max(Interlocked.Read(ref _peak), Sample());

        private static long Sample()
        {
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }
    }
}
