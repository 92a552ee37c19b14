using System.Diagnostics;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Console;
using Pilgi.Core.Labels;
using Pilgi.Core.Metrics;

namespace Pilgi.Cli.Commands;

/// <summary><c>bench --data &lt;dir&gt;</c>: per-stage medians and pages/s, with Tesseract beside it when installed.</summary>
public static class BenchCommand
{
    public const string Usage =
        "bench [--data <dir>] [--limit N] [--repeat N] [--no-tesseract] [--models <dir>]\n" +
        "    <dir> holds scans/ and templates/ (labels/ optional: their form_type picks the template). Defaults to\n" +
        "    the bundled samples. Prints per-stage medians, pages/s and Tesseract's pages/s on the same pages.";

    private static readonly string[] Stages = ["decodeMs", "registrationMs", "detectionMs", "recognitionMs", "fusionMs", "totalMs"];

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        if (args.Get("--storage") is not null) return await DurableBenchCommand.RunAsync(args, ct); // through the local durable host
        var data = args.Get("--data") ?? DefaultPaths.SampleForms;
        int limit = args.GetInt("--limit", int.MaxValue);
        int repeat = args.GetInt("--repeat", 1);
        bool tesseract = !args.Flag("--no-tesseract");
        var modelsDir = args.Get("--models");
        args.RejectUnknown();

        var scans = ScanFile.Collect([Path.Combine(data, "scans")]).Take(limit).ToList();
        var labels = scans.ToDictionary(s => s.FullPath, s => TryLabel(data, s));
        var reader = ReaderFactory.Create(Path.Combine(data, "templates"), modelsDir);
        reader.Templates.PrepareAll(); // references decoded before timing starts
        var inputs = scans.Select(s => (Scan: s, Bytes: File.ReadAllBytes(s.FullPath))).ToList();

        // one untimed pass warms the JIT and ONNX Runtime
        if (inputs.Count > 0) await reader.ReadAsync(inputs[0].Bytes, inputs[0].Scan.RelativePath, labels[inputs[0].Scan.FullPath]?.FormType, ct);

        var perStage = Stages.ToDictionary(s => s, _ => new List<double>());
        int pages = 0, fieldsExact = 0, fieldsTotal = 0;
        var wall = Stopwatch.StartNew();
        for (int r = 0; r < repeat; r++)
        {
            foreach (var (scan, bytes) in inputs)
            {
                var label = labels[scan.FullPath];
                var reading = await reader.ReadAsync(bytes, scan.RelativePath, label?.FormType, ct);
                pages += reading.Result.Pages;
                foreach (var s in Stages) perStage[s].Add(reading.Result.Timings.GetValueOrDefault(s));
                if (label is null) continue;
                foreach (var b in label.Boxes.Where(b => b.Handwritten && b.Field is not null))
                {
                    fieldsTotal++;
                    var v = reading.Result.Fields.TryGetValue(b.Field!, out var f) ? f.Value : null;
                    if (TextNormalizer.Normalize(v) == TextNormalizer.Normalize(b.Data)) fieldsExact++;
                }
            }
        }
        double seconds = wall.Elapsed.TotalSeconds;

        System.Console.WriteLine($"{inputs.Count} scans x {repeat}, {pages} pages, {Environment.ProcessorCount} cores");
        System.Console.WriteLine($"{"stage",-14} {"median ms",10} {"p95 ms",10}");
        foreach (var s in Stages)
        {
            var v = perStage[s];
            System.Console.WriteLine($"{s[..^2],-14} {Percentile.Of(v, 50),10:0.0} {Percentile.Of(v, 95),10:0.0}");
        }
        System.Console.WriteLine();
        System.Console.WriteLine($"{"engine",-12} {"pages/s",9} {"s/page",8}  values read exactly");
        System.Console.WriteLine($"{"pilgi",-12} {pages / seconds,9:0.00} {seconds / Math.Max(1, pages),8:0.000}  " +
                                 (fieldsTotal > 0 ? $"{fieldsExact}/{fieldsTotal} ({100.0 * fieldsExact / fieldsTotal:0.0}%)" : "-"));
        if (tesseract) RunTesseract(inputs.Select(i => i.Scan).ToList(), labels);
        return 0;
    }

    private static void RunTesseract(List<ScanFile> scans, Dictionary<string, LabelDocument?> labels)
    {
        if (!TesseractBaseline.IsAvailable())
        {
            System.Console.WriteLine($"{"tesseract",-12} not installed (apt-get install tesseract-ocr tesseract-ocr-kor)");
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
        System.Console.WriteLine($"{"tesseract",-12} {scans.Count / s,9:0.00} {s / Math.Max(1, scans.Count),8:0.000}  " +
                                 (total > 0 ? $"{found}/{total} ({100.0 * found / total:0.0}%) found anywhere in its page text" : "-"));
    }

    private static LabelDocument? TryLabel(string data, ScanFile scan)
    {
        var path = Path.Combine(data, "labels", Path.GetFileNameWithoutExtension(scan.FullPath) + ".json");
        return File.Exists(path) ? LabelLoader.Load(path) : null;
    }
}
