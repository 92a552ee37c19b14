using System.Diagnostics;
using Pilgi.Cli.Console;
using Pilgi.Core.Raster;
using Pilgi.Core.Registration;
using Pilgi.Inference.Recognition;
using Pilgi.Reading;

namespace Pilgi.Cli.Commands;

/// <summary>
/// The part of bench that dynamic batching is for: the crops of every page (found once, in this process) read in the
/// pipeline's recogniser calls (<see cref="RecognitionBatches"/>, one call per batch of a page), N calls at once, by a
/// recogniser in this process and by the inference service. Prints crops/s and the crops per model run each achieved.
/// </summary>
internal static class RecognitionBench
{
    public sealed record Call(IReadOnlyList<GrayImage> Crops, IReadOnlyList<string?> Alphabets);

    /// <summary>The recogniser calls the pipeline makes for these scans.</summary>
    public static async Task<List<Call>> PlanAsync(FormReader reader, IEnumerable<(ScanFile Scan, byte[] Bytes, string? TemplateId)> scans,
        CancellationToken ct)
    {
        var calls = new List<Call>();
        var steps = reader.Steps;
        foreach (var (scan, bytes, templateId) in scans)
        {
            var pages = (await steps.DecodeAsync(bytes, scan.RelativePath, ct)).Pages;
            var form = steps.ChooseTemplate(reader.Templates, pages[0], scan.RelativePath, templateId, out Registration? coarse);
            var regions = new List<Pilgi.Inference.Detection.HandwritingRegion>();
            var crops = new List<GrayImage>();
            for (int p = 0; p < pages.Count; p++)
            {
                var registration = steps.RegisterPage(pages[p], p + 1, form, scan.RelativePath, p == 0 ? coarse : null);
                var found = await steps.DetectPageAsync(pages[p], p + 1, form, registration, ct);
                regions.AddRange(found.Regions);
                crops.AddRange(found.Crops);
            }
            foreach (var batch in RecognitionBatches.Plan(regions.Select(r => r.TemplateBox).ToList(), steps.RecognitionBatchSize))
                calls.Add(new Call(batch.Select(i => crops[i]).ToList(), batch.Select(i => ReadingSteps.AlphabetFor(form, regions[i])).ToList()));
        }
        return calls;
    }

    /// <summary>Every call <paramref name="repeat"/> times, <paramref name="concurrency"/> at once; crops per second.</summary>
    public static async Task<double> MeasureAsync(ILineRecognizer recognizer, List<Call> calls, int repeat, int concurrency, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(calls.Take(concurrency), options, async (c, token) => await recognizer.RecognizeAsync(c.Crops, c.Alphabets, token));
        var work = Enumerable.Range(0, repeat).SelectMany(_ => calls).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, options, async (c, token) => await recognizer.RecognizeAsync(c.Crops, c.Alphabets, token));
        return work.Sum(c => c.Crops.Count) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The model alone, in this process, on the same prepared lines: every line in a run of its own (no batching) and the
    /// lines grouped into runs of up to <paramref name="maxBatch"/> as the service batches them, rounds interleaved so that
    /// the machine's load falls on both alike. Median lines per second of each.
    /// </summary>
    public static (double Unbatched, double Batched, int Runs) ModelAlone(OnnxLineRecognizer onnx, List<Call> calls, int maxBatch, int rounds = 3)
    {
        var lines = calls.SelectMany(c => c.Crops.Select((crop, i) => onnx.Prepare(crop, c.Alphabets[i]))).ToList();
        var runs = OnnxLineRecognizer.PlanRuns(lines, maxBatch).ToList();
        var single = new List<double>();
        var batched = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var line in lines) onnx.RunBatch([line]);
            single.Add(lines.Count / clock.Elapsed.TotalSeconds);
            clock.Restart();
            foreach (var run in runs) onnx.RunBatch(run.Select(i => lines[i]).ToList());
            batched.Add(lines.Count / clock.Elapsed.TotalSeconds);
        }
        return (single.Order().ElementAt(rounds / 2), batched.Order().ElementAt(rounds / 2), runs.Count);
    }
}
