using System.Diagnostics;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Labels;
using Pilgi.Core.Metrics;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Reading;

namespace Pilgi.Cli.Commands;

/// <summary><c>bench --data &lt;dir&gt;</c>: per-stage medians and pages/s, with Tesseract beside it when installed.</summary>
public static class BenchCommand
{
    public const string Usage =
        "bench [<dir> | --data <dir>] [--limit N] [--repeat N] [--concurrency N] [--inference <url>] [--no-tesseract] [--models <dir>]\n" +
        "    <dir> holds scans/ and templates/ (labels/ optional: their form_type picks the template). Defaults to\n" +
        "    the bundled samples. Prints per-stage medians, pages/s and Tesseract's pages/s on the same pages.\n" +
        "    --concurrency N reads N pages at once. --inference <url> reads them through the inference service as well\n" +
        "    (started with Pilgi:Pipeline:TemplatesDirectory=<dir>/templates) and prints both runs, with the recognition\n" +
        "    batch sizes each achieved (the service's from its /v1/stats).";

    /// <summary>The service's default largest run, for the model-alone comparison.</summary>
    private const int ModelBatch = 128;

    private static readonly string[] Stages = ["decodeMs", "pageFindingMs", "registrationMs", "detectionMs", "recognitionMs", "fusionMs", "totalMs"];

    public static CommandSpec Spec { get; } = new("bench", "time each stage and pages/s (with --storage: through the local durable host)",
        Usage + "\n\n" + DurableBenchCommand.Usage,
    [
        "0    measured",
        "1    refused: missing models, the inference service unreachable",
        "64   usage error (a folder without scans/ and templates/, an unknown option)",
    ], new HashSet<string>(StringComparer.Ordinal) { "--no-tesseract", "--keep" }, RunAsync);

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        if (args.Get("--storage") is not null) return await DurableBenchCommand.RunAsync(args, ct); // through the local durable host
        var data = DataFolder(args);
        int limit = args.GetInt("--limit", int.MaxValue);
        int repeat = args.GetInt("--repeat", 1);
        int concurrency = args.GetInt("--concurrency", 1);
        bool tesseract = !args.Flag("--no-tesseract");
        var modelsDir = args.Get("--models");
        var url = args.Get("--inference");
        args.RejectUnknown();

        var scans = ScanFile.Collect([Path.Combine(data, "scans")]).Take(limit).ToList();
        if (scans.Count == 0) throw new UsageException($"{Path.Combine(data, "scans")} holds no scans ({ScanJob.ScanExtensionList}): nothing to measure.");
        var labels = scans.ToDictionary(s => s.FullPath, s => TryLabel(data, s));
        var inputs = scans.Select(s => (Scan: s, Bytes: File.ReadAllBytes(s.FullPath), Label: labels[s.FullPath])).ToList();

        var reader = ReaderFactory.Create(Path.Combine(data, "templates"), modelsDir);
        var local = await MeasureAsync(reader, inputs, repeat, concurrency, ct);
        var localRuns = reader.Steps.Recognizer is OnnxLineRecognizer onnx ? onnx.Batches.Snapshot().Since(local.RunsBefore!) : null;

        Run? remote = null;
        BatchSizes? remoteRuns = null;
        string? provider = null;
        (double Local, BatchSizes? LocalRuns, double Remote, BatchSizes RemoteRuns, int Crops, int Calls, double RunSeconds, double PrepareSeconds)? recognition = null;
        (double Unbatched, double Batched, int Runs, int Lines)? model = null;
        using var inference = url is null ? null : ReaderFactory.Inference(url);
        if (inference is not null)
        {
            var remoteReader = ReaderFactory.Create(Path.Combine(data, "templates"), modelsDir, inference);
            var health = await inference.HealthAsync(ct);
            provider = $"{health.ExecutionProvider}, {health.Models[ModelRoles.Recognizer].Id}";
            remote = await MeasureAsync(remoteReader, inputs, repeat, concurrency, ct,
                before: async () => Sizes((await inference.StatsAsync(ct)).Recognition));
            remoteRuns = Sizes((await inference.StatsAsync(ct)).Recognition).Since(remote.RunsBefore!);

            // recognition alone, the same calls both ways
            var calls = await RecognitionBench.PlanAsync(reader, inputs.Select(i => (i.Scan, i.Bytes, i.Label?.FormType)), ct);
            var onnxBefore = (reader.Steps.Recognizer as OnnxLineRecognizer)?.Batches.Snapshot();
            double localRate = await RecognitionBench.MeasureAsync(reader.Steps.Recognizer, calls, repeat, concurrency, ct);
            var localBatches = onnxBefore is null ? null : ((OnnxLineRecognizer)reader.Steps.Recognizer).Batches.Snapshot().Since(onnxBefore);
            var before = (await inference.StatsAsync(ct)).Recognition;
            double remoteRate = await RecognitionBench.MeasureAsync(remoteReader.Steps.Recognizer, calls, repeat, concurrency, ct);
            var after = (await inference.StatsAsync(ct)).Recognition;
            recognition = (localRate, localBatches, remoteRate, Sizes(after).Since(Sizes(before)), calls.Sum(c => c.Crops.Count) * repeat,
                calls.Count * repeat, after.RunSeconds - before.RunSeconds, after.PrepareSeconds - before.PrepareSeconds);
            if (reader.Steps.Recognizer is OnnxLineRecognizer engine)
            {
                var (unbatched, batched, runs) = RecognitionBench.ModelAlone(engine, calls, ModelBatch);
                model = (unbatched, batched, runs, calls.Sum(c => c.Crops.Count));
            }
        }

        Console.WriteLine($"{inputs.Count} scans x {repeat}, {local.Pages} pages, {concurrency} at once, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"stage",-14} {"median ms",10} {"p95 ms",10}");
        foreach (var s in Stages)
        {
            var v = local.PerStage[s];
            Console.WriteLine($"{s[..^2],-14} {Percentile.Of(v, 50),10:0.0} {Percentile.Of(v, 95),10:0.0}");
        }
        Console.WriteLine();
        Console.WriteLine($"{"engine",-12} {"pages/s",9} {"s/page",8}  {"values read exactly",-22} recognition batches (crops per model run)");
        Print("pilgi", local, localRuns);
        if (remote is not null) Print("service", remote, remoteRuns, $"{url}, {provider}");
        if (recognition is { } r)
        {
            Console.WriteLine();
            Console.WriteLine($"recognition alone: {r.Crops} crops in {r.Calls} recogniser calls (the pipeline's batches), {concurrency} calls at once");
            Console.WriteLine($"{"engine",-12} {"crops/s",9}  recognition batches (crops per model run)");
            Console.WriteLine($"{"pilgi",-12} {r.Local,9:0.0}  {r.LocalRuns?.ToString() ?? "-"}");
            Console.WriteLine($"{"service",-12} {r.Remote,9:0.0}  {r.RemoteRuns}");
            Console.WriteLine($"{"",-12} {"",9}  in the service: model runs {r.RunSeconds:0.00} s ({1000 * r.RunSeconds / Math.Max(1, r.RemoteRuns.Lines):0.0} ms " +
                              $"per crop), decoding and preparing crops {r.PrepareSeconds:0.00} s");
        }
        if (model is { } m)
        {
            Console.WriteLine();
            Console.WriteLine($"the model alone, in this process, the same {m.Lines} lines, rounds interleaved (median lines/s):");
            Console.WriteLine($"  unbatched (a run per line) {m.Unbatched,7:0.0}   batched ({m.Runs} runs of up to {ModelBatch} by padded width) {m.Batched,7:0.0}" +
                              $"   x{m.Batched / m.Unbatched:0.00}");
        }
        if (tesseract) RunTesseract(inputs.Select(i => i.Scan).ToList(), labels);
        return 0;
    }

    /// <summary>The folder named by --data or as the one argument, else the bundled samples; it must hold scans/ and templates/.</summary>
    private static string DataFolder(ArgumentList args)
    {
        var option = args.Get("--data");
        if (args.Positionals.Count > 1 || (args.Positionals.Count == 1 && option is not null))
            throw new UsageException("bench reads one folder: name it once, as <dir> or --data <dir>.");
        var data = option ?? (args.Positionals.Count == 1 ? args.Positionals[0] : DefaultPaths.SampleForms);
        foreach (var part in new[] { "scans", "templates" })
            if (!Directory.Exists(Path.Combine(data, part)))
                throw new UsageException($"{data} has no {part}/ folder (bench reads <dir>/scans and <dir>/templates).");
        return data;
    }

    /// <summary>One measured pass (after an untimed one that warms the JIT, the model and the references).</summary>
    private sealed record Run(int Pages, double Seconds, int FieldsExact, int FieldsTotal, Dictionary<string, List<double>> PerStage, BatchSizes? RunsBefore);

    private static async Task<Run> MeasureAsync(FormReader reader, List<(ScanFile Scan, byte[] Bytes, LabelDocument? Label)> inputs, int repeat,
        int concurrency, CancellationToken ct, Func<Task<BatchSizes>>? before = null)
    {
        reader.Templates.PrepareAll(); // references decoded before timing starts
        await Parallel.ForEachAsync(inputs.Take(Math.Max(1, concurrency)), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, token) => await reader.ReadAsync(i.Bytes, i.Scan.RelativePath, i.Label?.FormType, token));
        var runsBefore = before is not null ? await before() : (reader.Steps.Recognizer as OnnxLineRecognizer)?.Batches.Snapshot();

        var perStage = Stages.ToDictionary(s => s, _ => new List<double>());
        int pages = 0, fieldsExact = 0, fieldsTotal = 0;
        var gate = new object();
        var work = Enumerable.Range(0, repeat).SelectMany(_ => inputs);
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct }, async (input, token) =>
        {
            var reading = await reader.ReadAsync(input.Bytes, input.Scan.RelativePath, input.Label?.FormType, token);
            lock (gate)
            {
                pages += reading.Result.Pages;
                foreach (var s in Stages) perStage[s].Add(reading.Result.Timings.GetValueOrDefault(s));
                if (input.Label is null) return;
                foreach (var b in input.Label.Boxes.Where(b => b.Handwritten && b.Field is not null))
                {
                    fieldsTotal++;
                    var v = reading.Result.Fields.TryGetValue(b.Field!, out var f) ? f.Value : null;
                    if (TextNormalizer.Normalize(v) == TextNormalizer.Normalize(b.Data)) fieldsExact++;
                }
            }
        });
        return new Run(pages, wall.Elapsed.TotalSeconds, fieldsExact, fieldsTotal, perStage, runsBefore);
    }

    private static BatchSizes Sizes(RecognitionStats stats) => new(stats.RunsBySize);

    private static void Print(string engine, Run run, BatchSizes? batches, string? note = null)
    {
        string exact = run.FieldsTotal > 0 ? $"{run.FieldsExact}/{run.FieldsTotal} ({100.0 * run.FieldsExact / run.FieldsTotal:0.0}%)" : "-";
        Console.WriteLine($"{engine,-12} {run.Pages / run.Seconds,9:0.00} {run.Seconds / Math.Max(1, run.Pages),8:0.000}  {exact,-22} " +
                          $"{batches?.ToString() ?? "-"}{(note is null ? "" : $"  [{note}]")}");
    }

    private static void RunTesseract(List<ScanFile> scans, Dictionary<string, LabelDocument?> labels)
    {
        if (!TesseractBaseline.IsAvailable())
        {
            Console.WriteLine($"{"tesseract",-12} not installed (apt-get install tesseract-ocr tesseract-ocr-kor)");
            return;
        }
        int found = 0, total = 0;
        var clock = Stopwatch.StartNew();
        foreach (var scan in scans)
        {
            var text = TesseractBaseline.Read(scan.FullPath);
            var values = labels[scan.FullPath]?.Boxes.Where(b => b.Handwritten).Select(b => b.Data) ?? [];
            var (f, t) = TesseractBaseline.ValuesFound(text, values);
            found += f;
            total += t;
        }
        double s = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{"tesseract",-12} {scans.Count / s,9:0.00} {s / Math.Max(1, scans.Count),8:0.000}  " +
                          (total > 0 ? $"{found}/{total} ({100.0 * found / total:0.0}%) found anywhere in its page text" : "-"));
    }

    private static LabelDocument? TryLabel(string data, ScanFile scan)
    {
        var path = Path.Combine(data, "labels", Path.GetFileNameWithoutExtension(scan.FullPath) + ".json");
        return File.Exists(path) ? LabelLoader.Load(path) : null;
    }
}
