using System.Diagnostics;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;
using Pilgi.Reading;

namespace Pilgi.Cli.Commands;

/// <summary>
/// The part of bench that dynamic batching is for: the crops of every page (found once, in this process) read in the
/// pipeline's recogniser calls (the reading flow's, one call per batch of a scan), N calls at once, by a
/// recogniser in this process and by the inference service. Prints crops/s and the crops per model run each achieved.
/// </summary>
internal static class RecognitionBench
{
    public sealed record Call(IReadOnlyList<GrayImage> Crops, IReadOnlyList<string?> Alphabets);

    /// <summary>The recogniser calls the pipeline makes for these scans: each read in this process, the calls recorded.</summary>
    public static async Task<List<Call>> PlanAsync(FormReader reader, IEnumerable<(ScanFile Scan, byte[] Bytes, string? TemplateId)> scans,
        CancellationToken ct)
    {
        var recorder = new RecordingRecognizer(reader.Steps.Recognizer.ModelId);
        var recording = new FormReader(reader.Templates, reader.Steps.WithRecognizer(recorder));
        foreach (var (scan, bytes, templateId) in scans)
            await recording.ReadAsync(bytes, scan.RelativePath, templateId, ct);
        return recorder.Calls;
    }

    /// <summary>Keeps every call and reads nothing: planning needs the calls, not their text.</summary>
    private sealed class RecordingRecognizer(string modelId) : ILineRecognizer
    {
        private readonly Lock _gate = new();

        public string ModelId => modelId;

        public List<Call> Calls { get; } = [];

        public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, CancellationToken cancellationToken = default) =>
            RecognizeAsync(crops, crops.Select(_ => (string?)null).ToList(), cancellationToken);

        public Task<IReadOnlyList<TextRecognition>> RecognizeAsync(IReadOnlyList<GrayImage> crops, IReadOnlyList<string?> alphabets,
            CancellationToken cancellationToken = default)
        {
            lock (_gate) Calls.Add(new Call(crops, alphabets));
            return Task.FromResult<IReadOnlyList<TextRecognition>>(crops.Select(_ => new TextRecognition("", 0)).ToList());
        }
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
    /// the machine's load falls on both alike. Median crops per second of each (every crop is read a second time,
    /// as <see cref="SecondOpinions"/> has it; the third looks of lines whose two looks disagree, which depend on what
    /// those read, are left out here and counted in the pipeline's figures).
    /// </summary>
    public static (double Unbatched, double Batched, int Runs) ModelAlone(OnnxLineRecognizer onnx, List<Call> calls, int maxBatch, int rounds = 3)
    {
        var crops = calls.SelectMany(c => c.Crops.Select((crop, i) => onnx.Prepare(crop, c.Alphabets[i]))).ToList();
        var lines = SecondOpinions.Add(crops);
        var runs = OnnxLineRecognizer.PlanRuns(lines, maxBatch).ToList();
        var single = new List<double>();
        var batched = new List<double>();
        for (int r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var line in lines) onnx.RunBatch([line]);
            single.Add(crops.Count / clock.Elapsed.TotalSeconds);
            clock.Restart();
            foreach (var run in runs) onnx.RunBatch(run.Select(i => lines[i]).ToList());
            batched.Add(crops.Count / clock.Elapsed.TotalSeconds);
        }
        return (single.Order().ElementAt(rounds / 2), batched.Order().ElementAt(rounds / 2), runs.Count);
    }
}
