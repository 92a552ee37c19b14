using System.Diagnostics;
using System.Globalization;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Geometry;
using Pilgi.Core.Metrics;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;

namespace Pilgi.Cli.Commands;

/// <summary>
/// <c>eval --data &lt;dir&gt; --report &lt;file.json&gt;</c>: detection F1@IoU0.8, CER, exact fields, speed; or
/// <c>eval --lines &lt;dir&gt;</c>, the recogniser alone on line crops (<see cref="LineEvalCommand"/>).
/// </summary>
public static class EvalCommand
{
    public const double Iou = 0.8;

    public static string Usage { get; } = DataUsage + "\n\n" + LineEvalCommand.Usage;

    private const string DataUsage =
        "eval --data <dir> [--report <file.json>] [--mismatches <file.tsv>] [--plots <dir>] [--limit N] [--models <dir>]\n" +
        "     [--inference <url>]\n" +
        "    <dir> holds scans/ (JPEG, PNG, TIFF or scanned PDF; labels/<scan name>.json each), labels/ (AI Hub\n" +
        "    layout + handwritten/field) and templates/. Only a label's\n" +
        "    form_type is used while reading; the rest scores the result. --mismatches lists every field read wrong\n" +
        "    (scan, template, field, kind, expected, read, confidence, accepted, reason). --plots writes\n" +
        "    reliability.png and risk-coverage.png there. --inference: detect and recognise through the\n" +
        "    inference service at <url> (started with Pilgi:Pipeline:TemplatesDirectory=<dir>/templates).";

    public static CommandSpec Spec { get; } = new("eval", "score the reader on a labelled set (--data) or the recogniser on line crops (--lines)", Usage,
    [
        "0    scored",
        "1    refused: a malformed labels.tsv (label_invalid), missing models",
        "2    eval --lines: some images were missing or refused and skipped; the rest were scored",
        "64   usage error (neither --data nor --lines, both, a folder that does not exist, an unknown --kind)",
    ], new HashSet<string>(StringComparer.Ordinal), RunAsync);

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        var lines = args.Get("--lines");
        var data = args.Get("--data");
        args.RejectPositionals("the folder goes after --data (forms) or --lines (line crops)");
        if (lines is not null && data is not null)
            throw new UsageException("eval takes --data <dir> (forms) or --lines <dir> (line crops), not both.");
        var options = EvalArguments.Read(args);
        if (lines is not null) return await LineEvalCommand.RunAsync(lines, options, args, ct);
        if (args.Get("--kind") is not null) throw new UsageException("--kind is for eval --lines <dir>.");
        if (data is null) throw new UsageException("eval needs --data <dir> (forms) or --lines <dir> (line crops).");
        var plots = args.Get("--plots");
        args.RejectUnknown();

        var set = LabelledSet.Load(data, options.Limit);
        using var inference = options.Inference is null ? null : ReaderFactory.Inference(options.Inference);
        var reader = ReaderFactory.Create(set.Templates, options.Models, inference);
        if (inference is not null)
        {
            var health = await inference.HealthAsync(ct);
            Console.WriteLine($"through the inference service at {options.Inference}: {health.ExecutionProvider}, {reader.Models["recognizer"]}");
        }
        reader.Templates.PrepareAll(); // references decoded before timing starts
        var acc = new EvalAccumulator(Iou);
        var mismatches = new List<(string Scan, FieldSample Field, string? Reason)>();
        var progress = new ProgressBar(set.Items.Count, "evaluated");
        foreach (var (scan, label) in set.Items)
        {
            ct.ThrowIfCancellationRequested();
            var bytes = await File.ReadAllBytesAsync(scan.FullPath, ct);
            var clock = Stopwatch.StartNew();
            ScanResult? result = null;
            try
            {
                result = (await reader.ReadAsync(bytes, scan.RelativePath, label.FormType, ct)).Result;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MaskedConsole.Error($"{scan.RelativePath}: {e.Message}");
            }
            double seconds = clock.Elapsed.TotalSeconds;
            var template = label.FormType is { } id && reader.Templates.Contains(id) ? reader.Templates.Get(id).Template : null;
            var fields = Fields(label, template, result).ToList();
            acc.AddPage(
                result?.Regions.Where(r => r.Page == 1).Select(r => r.Box).ToList() ?? new List<Box>(),
                label.HandwrittenBounds(),
                fields,
                seconds);
            mismatches.AddRange(fields.Where(f => !f.IsExact)
                .Select(f => (scan.RelativePath, f, result?.Fields.GetValueOrDefault(f.Key)?.Reason)));
            progress.Report(result?.Pages ?? 1, result is null);
        }
        var report = acc.Report();
        PrintTable(report);
        if (options.Report is { } reportPath) await EvalOutputs.WriteReportAsync(reportPath, report.ToJson(), ct);
        if (plots is not null) EvalPlots.Write(plots, report.Review);
        if (options.Mismatches is { } mismatchesPath)
            await EvalOutputs.WriteMismatchesAsync(mismatchesPath,
                ["scan", "template", "field", "kind", "expected", "read", "confidence", "accepted", "reason"],
                mismatches.Select(m => new[] { m.Scan, m.Field.Template, m.Field.Key, m.Field.Kind.ToJsonName(),
                    m.Field.Reference, m.Field.Predicted ?? "", m.Field.Confidence.ToString("0.0000", CultureInfo.InvariantCulture),
                    m.Field.Accepted ? "1" : "0", m.Reason ?? "" }).ToList(), "fields", ct);
        return 0;
    }

    /// <summary>The label's fields against the result; a label naming no registered template scores no fields.</summary>
    private static IEnumerable<FieldSample> Fields(Pilgi.Core.Labels.LabelDocument label, FormTemplate? template, ScanResult? result) =>
        template is null ? [] : FieldSamples.FromLabels(label, template, result?.Fields ?? new Dictionary<string, FieldResult>());

    public static void PrintTable(EvalReport r)
    {
        Console.WriteLine();
        Console.WriteLine($"pages {r.Pages}");
        Console.WriteLine($"detection @IoU{r.Detection.Iou:0.0#}  precision {r.Detection.Precision:0.000}  recall {r.Detection.Recall:0.000}  F1 {r.Detection.F1:0.000}  (tp {r.Detection.Tp}, fp {r.Detection.Fp}, fn {r.Detection.Fn})");
        Console.WriteLine($"recognition CER {r.Recognition.Cer:0.0000}   fields exact {r.Fields.Exact:0.000} of {r.Fields.Total}");
        Console.WriteLine($"speed {r.Speed.PagesPerSecond:0.00} pages/s   s/page p50 {r.Speed.SecondsPerPage.P50:0.000}  p95 {r.Speed.SecondsPerPage.P95:0.000}");
        Console.WriteLine($"review: accepted {r.Review.Accepted:0.000} of fields ({r.Review.AcceptedCount}), wrong among accepted " +
                          $"{r.Review.WrongAccepted:0.0000} ({r.Review.WrongAcceptedCount}), ECE {r.Review.Ece:0.0000}");
        if (r.Review.Hindsight.Count > 0)
            Console.WriteLine("ranking: a threshold chosen on this set itself would accept " + string.Join(", ",
                r.Review.Hindsight.Select(h => $"{h.Coverage:0.000} at <= {h.MaxRisk * 100:0.0#} % wrong")));
        Slice("kind", r.ByKind);
        Slice("template", r.ByTemplate);
    }

    private static void Slice(string title, Dictionary<string, FieldScores> slices)
    {
        if (slices.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"{title,-18} {"fields",7} {"CER",8} {"exact",7} {"accepted",9} {"wrong acc",9}");
        foreach (var (k, s) in slices.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            Console.WriteLine($"{k,-18} {s.Total,7} {s.Cer,8:0.0000} {s.Exact,7:0.000} {s.Accepted,9:0.000} {s.WrongAccepted,9:0.0000}");
    }
}
