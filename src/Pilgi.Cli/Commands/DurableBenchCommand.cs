using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Hosting;
using Pilgi.Cli.Terminal;
using Pilgi.Imaging;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;
using Pilgi.Reading.Flow;
using Pilgi.Storage;

namespace Pilgi.Cli.Commands;

/// <summary>
/// <c>bench --storage &lt;conn&gt;</c>: N copies of the sample scans through the local durable host, next to what
/// <c>process</c> does with the same bytes in this process (<see cref="Pilgi.Reading.FormReader.ReadAsync"/>, then the
/// result and its overlay written to files); prints scans/min of each and the orchestration's overhead per scan.
/// </summary>
public static class DurableBenchCommand
{
    public const string Usage =
        "bench --storage <connection string> [--scans N] [--parallel P] [--activities A] [--max-in-flight K] [--task-hub <name>]\n" +
        "      [--models <dir>] [--keep]\n" +
        "    N (default 200) copies of the sample scans, under distinct names, through the local durable host (a fresh\n" +
        "    task hub; A activities and K scans at once, defaults as serve) and in this process as `process` does it (read,\n" +
        "    result and overlay files; P at once, default one per core), and the same steps called directly on the same\n" +
        "    storage: scans/min of each, and the overhead per scan of the work blobs and storage (steps vs in-process) and\n" +
        "    of the orchestration (durable vs steps).\n" +
        "    Sample templates missing from 'templates' are added; the bench's blobs and task hub are deleted unless --keep.";

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        int n = args.GetInt("--scans", 200);
        int parallel = args.GetInt("--parallel", Environment.ProcessorCount);
        int activities = args.GetInt("--activities", new ServeOptions().MaxConcurrentActivities);
        bool keep = args.Flag("--keep");
        string run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var switches = ServeCommand.Configuration(args);
        args.RejectUnknown();
        args.RejectPositionals("bench --storage reads copies of the bundled samples");
        var settings = new Dictionary<string, string?>
        {
            [$"{ServeOptions.SectionName}:{nameof(ServeOptions.MaxConcurrentActivities)}"] = activities.ToString(CultureInfo.InvariantCulture),
            [$"{ServeOptions.SectionName}:{nameof(ServeOptions.DrainSeconds)}"] = "0",
        };
        if (switches[$"{ServeOptions.SectionName}:{nameof(ServeOptions.TaskHub)}"] is null)
            settings[$"{ServeOptions.SectionName}:{nameof(ServeOptions.TaskHub)}"] = "bench" + run;
        // completion events off unless asked for: the direct steps publish none, and the bench's scans would leave theirs in the queue
        if (switches[$"{EventOptions.SectionName}:{nameof(EventOptions.Enabled)}"] is null)
            settings[$"{EventOptions.SectionName}:{nameof(EventOptions.Enabled)}"] = "false";
        var configuration = new ConfigurationBuilder().AddConfiguration(switches).AddInMemoryCollection(settings).Build();
        ServeOptions options;
        try
        {
            options = ServeOptions.From(configuration);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        var samples = Directory.GetFiles(Path.Combine(DefaultPaths.SampleForms, "scans")).Where(ScanJob.IsScanName).Order(StringComparer.Ordinal)
            .Select(f => (Layout: BlobUploads.SampleScanBlobName(f).Split('/')[0], Bytes: File.ReadAllBytes(f))).ToList();
        if (samples.Count == 0) throw new UsageException($"No sample scans under {DefaultPaths.SampleForms}.");
        string prefix = $"bench-{run}/";
        var items = Enumerable.Range(0, n)
            .Select(i => (samples[i % samples.Count].Layout, samples[i % samples.Count].Bytes,
                Name: $"{samples[i % samples.Count].Layout}/{prefix}{i:D4}.jpg"))
            .ToList();
        Console.WriteLine($"{n} scans (copies of {samples.Count} samples), {parallel} at once ({activities} activities and " +
                          $"{options.MaxScansInFlight} scans at once in the durable host), {Environment.ProcessorCount} cores");

        // in this process, as `process` does it: FormReader.ReadAsync, then the result and its overlay written to
        // files; the same bytes, the same parallelism
        var reader = ReaderFactory.Create(Path.Combine(DefaultPaths.SampleForms, "templates"),
            configuration["Pilgi:Pipeline:ModelsDirectory"]);
        string outDir = Directory.CreateTempSubdirectory("pilgi-bench-").FullName;
        double inProcess;
        try
        {
            var files = new ResultFiles(outDir, new OverlayPainter());
            foreach (var (layout, bytes) in samples) // JIT, references, model
                files.WriteResult($"{layout}/warm.jpg", await reader.ReadAsync(bytes, $"scans/{layout}/warm.jpg", layout, ct));
            var inProcessClock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
                async (item, token) => files.WriteResult(item.Name, await reader.ReadAsync(item.Bytes, $"{StorageNames.Scans}/{item.Name}", item.Layout, token)));
            inProcess = inProcessClock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
        Report("in-process", n, inProcess, null);
        var clock = Stopwatch.StartNew();

        // through the local durable host
        var blobs = new AzureBlobStore(options.StorageConnectionString!);
        using var loggerFactory = ServeLogging.Create(configuration, LogLevel.Warning);
        await AddMissingTemplatesAsync(blobs, ct);
        var host = await LocalDurableHost.StartAsync(configuration, loggerFactory, poll: false, cancellationToken: ct);
        var ended = new ConcurrentBag<ScanEnded>();
        host.Watcher.Ended += ended.Add;
        var queued = new QueuedScans(host.Watcher);
        var jobs = new List<ScanJob>();
        try
        {
            // warm the host: one scan per layout (JIT, model, the templates from blob storage)
            var warm = new List<ScanJob>();
            foreach (var (layout, bytes) in samples)
            {
                string name = $"{layout}/{prefix}warm.jpg";
                warm.Add(ScanJob.FromBlob(StorageNames.Scans, name, await blobs.WriteAsync(StorageNames.Scans, name, bytes, "image/jpeg", ct)));
            }
            jobs.AddRange(warm);
            await Task.WhenAll(warm.Select(j => queued.StartAsync(j, ct)));
            await host.Watcher.DrainAsync(TimeSpan.FromMinutes(10), ct);
            ended.Clear();

            // the same activities' work called directly, in this process, on the same storage: what the steps cost
            // without the orchestration (queues, history, dispatch)
            var steps = new DirectActivityCalls(host.Services.GetRequiredService<ScanSteps>());
            var direct = new ConcurrentBag<ScanJob>();
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (item, token) =>
            {
                string name = item.Name.Replace(prefix, prefix + "direct/", StringComparison.Ordinal);
                direct.Add(ScanJob.FromBlob(StorageNames.Scans, name, await blobs.WriteAsync(StorageNames.Scans, name, item.Bytes, "image/jpeg", token)));
            });
            jobs.AddRange(direct);
            var stepClock = new StepClock();
            clock.Restart();
            await Parallel.ForEachAsync(direct, new ParallelOptions { MaxDegreeOfParallelism = activities, CancellationToken = ct },
                async (job, _) => await RunStepsAsync(steps, job, stepClock));
            double stepsSeconds = clock.Elapsed.TotalSeconds;
            Report("steps", n, stepsSeconds, inProcess);
            Console.WriteLine($"{"",-12} s/scan in each: {stepClock.Summary(n)}");

            clock.Restart();
            var uploaded = new ScanJob[items.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
                async (i, token) => uploaded[i] = ScanJob.FromBlob(StorageNames.Scans, items[i].Name,
                    await blobs.WriteAsync(StorageNames.Scans, items[i].Name, items[i].Bytes, "image/jpeg", token)));
            double upload = clock.Elapsed.TotalSeconds;
            jobs.AddRange(uploaded);

            // in the items' order, at most MaxScansInFlight at once, as serve admits a burst
            clock.Restart();
            foreach (var job in uploaded) queued.Enqueue(job);
            bool done = await queued.RunAsync(TimeSpan.FromHours(2), ct);
            double durable = clock.Elapsed.TotalSeconds;
            Report("durable", n, durable, inProcess);
            var outcomes = ended.GroupBy(e => e.Outcome).Select(g => $"{g.Count()} {g.Key}").Order(StringComparer.Ordinal);
            Console.WriteLine($"{"",-12} {string.Join(", ", outcomes)}{(done ? "" : ", some still in flight")}; uploading took {upload:0.0} s (not counted)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"orchestration overhead per scan: {(durable - stepsSeconds) / n:+0.000;-0.000} s = " +
                $"{100 * (durable - stepsSeconds) / inProcess:+0.0;-0.0} % of the in-process time (target <= 15 %; " +
                $"{100 * (durable / stepsSeconds - 1):+0.0;-0.0} % of the steps)\n" +
                $"all overhead per scan vs in-process: {(durable - inProcess) / n:+0.000;-0.000} s ({100 * (durable / inProcess - 1):+0.0;-0.0} %): " +
                $"the orchestration, and the work blobs and storage {(stepsSeconds - inProcess) / n:+0.000;-0.000} s " +
                $"({100 * (stepsSeconds / inProcess - 1):+0.0;-0.0} %)"));
        }
        finally
        {
            await host.StopAsync(TimeSpan.Zero);
            if (!keep) await CleanUpAsync(blobs, options, loggerFactory, samples.Select(s => s.Layout).Distinct(), prefix, jobs);
        }
        return 0;
    }

    /// <summary>
    /// The orchestration's stages and activities (<see cref="ActivityStages"/> in <see cref="ReadingFlow"/>) called
    /// directly, each stage's time going to <paramref name="clock"/>.
    /// </summary>
    private static Task RunStepsAsync(DirectActivityCalls calls, ScanJob job, StepClock clock)
    {
        var watch = new Stopwatch();
        return ReadingFlow.RunAsync(new ActivityStages(job, "direct-" + job.InstanceId, calls, () => DateTime.UtcNow,
            starting: _ => watch.Restart(), ended: stage => clock.Add(stage, watch)));
    }

    /// <summary>Seconds spent in each step, summed over the scans.</summary>
    private sealed class StepClock
    {
        private static readonly ReadingStage[] Stages = Enum.GetValues<ReadingStage>();
        private readonly long[] _ticks = new long[Stages.Length];

        public void Add(ReadingStage stage, Stopwatch watch) => Interlocked.Add(ref _ticks[(int)stage], watch.Elapsed.Ticks);

        public string Summary(int scans) => string.Join(", ", Stages.Select((stage, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{ActivityStages.ActivityOf(stage)} {TimeSpan.FromTicks(_ticks[i]).TotalSeconds / scans:0.000}")));
    }

    private static void Report(string engine, int n, double seconds, double? baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{engine,-12} {seconds,8:0.0} s {60 * n / seconds,9:0.0} scans/min {seconds / n,8:0.000} s/scan"));

    private static async Task AddMissingTemplatesAsync(AzureBlobStore blobs, CancellationToken ct)
    {
        var present = (await blobs.ListAsync(StorageNames.Templates, "", ct)).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(DefaultPaths.SampleForms, "templates")))
            if (!present.Contains(Path.GetFileName(file)))
                await blobs.WriteAsync(StorageNames.Templates, Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct), BlobUploads.ContentTypeOf(file), ct);
    }

    /// <summary>The bench's scans, results, failure records and work blobs, and its task hub.</summary>
    private static async Task CleanUpAsync(AzureBlobStore blobs, ServeOptions options, ILoggerFactory loggerFactory, IEnumerable<string> layouts,
        string prefix, List<ScanJob> jobs)
    {
        try
        {
            var prefixes = layouts.SelectMany(l => new[] { (StorageNames.Scans, $"{l}/{prefix}"), (StorageNames.Results, $"{l}/{prefix}"), (StorageNames.Failed, $"{l}/{prefix}") })
                .Concat(jobs.SelectMany(j => new[] { (StorageNames.Work, j.InstanceId + "/"), (StorageNames.Work, "direct-" + j.InstanceId + "/") }));
            await Parallel.ForEachAsync(prefixes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, token) =>
            {
                BlobContainerClient container = blobs.Service.GetBlobContainerClient(p.Item1);
                foreach (var blob in await blobs.ListAsync(p.Item1, p.Item2, token))
                    await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: token);
            });
            await DurableBackend.Create(options, loggerFactory).DeleteAsync();
        }
        catch (Exception e)
        {
            MaskedConsole.Error($"bench: cleaning up failed ({e.GetType().Name}: {e.Message}); its blobs are under */{prefix}");
        }
    }
}
