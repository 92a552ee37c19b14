using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Fusion;
using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Metrics;
using Pilgi.Core.Templates;
using Pilgi.Inference.Models;

namespace Pilgi.Cli.Commands;

/// <summary>
/// <c>calibrate --descriptor &lt;pilgi-rec.json&gt; --data &lt;dir&gt;...</c>: reads labelled forms with the recogniser of
/// that descriptor, fits the confidence calibration on every read field (<see cref="CalibrationFit"/>) and writes it into
/// the descriptor (its <c>calibration</c>), replacing any earlier one. Rerun whenever the recogniser's weights change.
/// </summary>
public static class CalibrateCommand
{
    public const string Usage =
        "calibrate --descriptor <models/recognizer/pilgi-rec.json> --data <dir> [--data <dir>...] [--save-samples <file.tsv>]\n" +
        "          [--limit N] [--from-samples <file.tsv>]\n" +
        "    Reads the labelled forms of each <dir> (scans/, labels/, templates/) with the recogniser the descriptor names,\n" +
        "    fits how sure each field is (per kind) and writes that calibration into the descriptor. Fit it on forms that\n" +
        "    are not the ones you evaluate on. --save-samples keeps every field's evidence; --from-samples (repeatable)\n" +
        "    fits from such files as well as, or instead of, reading forms.";

    public static CommandSpec Spec { get; } = new("calibrate",
        "fit the recogniser's confidence calibration on labelled forms and write it into its descriptor", Usage,
    [
        "0    fitted and written",
        "1    refused: a missing or unreadable descriptor or model",
        "64   usage error (no --descriptor, neither --data nor --from-samples, a malformed samples file, nothing read)",
    ], new HashSet<string>(StringComparer.Ordinal), RunAsync);

    public static async Task<int> RunAsync(ArgumentList args, CancellationToken ct)
    {
        var descriptorPath = args.Get("--descriptor") ?? throw new UsageException("calibrate needs --descriptor <pilgi-rec.json>.");
        var data = args.GetAll("--data");
        var fromSamples = args.GetAll("--from-samples");
        var samplesOut = args.Get("--save-samples");
        int? limit = args.Get("--limit") is null ? null : args.GetInt("--limit", 0);
        args.RejectUnknown();
        if (data.Count == 0 && fromSamples.Count == 0) throw new UsageException("calibrate needs --data <dir> (or --from-samples <file.tsv>).");
        var descriptor = ModelDescriptor.Load(descriptorPath);

        var samples = new List<CalibrationSample>();
        var sources = new List<string>();
        foreach (var file in fromSamples)
        {
            samples.AddRange(CalibrationSamplesFile.Read(file));
            sources.Add(Path.GetFileName(file));
        }
        foreach (var dir in data)
        {
            samples.AddRange(await ReadAsync(dir, descriptorPath, limit, ct));
            sources.Add(SourceName(dir));
        }
        if (samplesOut is not null)
        {
            CalibrationSamplesFile.Write(samplesOut, samples);
            Console.WriteLine($"samples: {Path.GetFullPath(samplesOut)} ({samples.Count} fields)");
        }
        if (samples.Count == 0) throw new UsageException("No field was read: nothing to calibrate on.");

        var calibration = CalibrationFit.Fit(samples, descriptor.Id, sources);
        Write(descriptorPath, calibration);
        Print(calibration, new ReviewOptions());
        Console.WriteLine($"calibration of {descriptor.Id} written to {Path.GetFullPath(descriptorPath)}");
        return 0;
    }

    /// <summary>Every labelled field of the set that was read: its evidence and whether its value was right.</summary>
    private static async Task<List<CalibrationSample>> ReadAsync(string dir, string descriptorPath, int? limit, CancellationToken ct)
    {
        var set = LabelledSet.Load(dir, limit);
        var reader = ReaderFactory.Create(set.Templates, descriptorPath: descriptorPath);
        reader.Templates.PrepareAll();
        var samples = new List<CalibrationSample>();
        var progress = new ProgressBar(set.Items.Count, $"read ({Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))})");
        foreach (var (scan, label) in set.Items)
        {
            ct.ThrowIfCancellationRequested();
            bool failed = false;
            try
            {
                var result = (await reader.ReadAsync(await File.ReadAllBytesAsync(scan.FullPath, ct), scan.RelativePath, label.FormType, ct)).Result;
                if (label.FormType is { } id && reader.Templates.Contains(id))
                {
                    foreach (var field in FieldSamples.FromLabels(label, reader.Templates.Get(id).Template, result.Fields))
                        if (result.Fields[field.Key].Evidence is { } evidence)
                            samples.Add(new CalibrationSample(field.Kind, evidence, field.IsExact, scan.RelativePath));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                MaskedConsole.Error($"{scan.RelativePath}: {e.Message}");
                failed = true;
            }
            progress.Report(1, failed);
        }
        return samples;
    }

    private static string SourceName(string dir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        return $"{Path.GetFileName(Path.GetDirectoryName(full))}/{Path.GetFileName(full)}";
    }

    /// <summary>The descriptor with its <c>calibration</c> replaced (last), every other property kept as it was.</summary>
    private static void Write(string descriptorPath, ConfidenceCalibration calibration)
    {
        var node = JsonNode.Parse(File.ReadAllText(descriptorPath)) as JsonObject
            ?? throw new UsageException($"{descriptorPath} is not a JSON object.");
        node.Remove("calibration");
        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string body = node.ToJsonString(options).TrimEnd();
        body = body[..body.LastIndexOf('}')].TrimEnd();
        File.WriteAllText(descriptorPath, body + (node.Count > 0 ? "," : "") + "\n \"calibration\": " + CalibrationJson.Write(calibration) + "\n}\n");
    }

    private static void Print(ConfidenceCalibration calibration, ReviewOptions review)
    {
        var thresholds = KindThresholds.Derive(calibration, review);
        Console.WriteLine();
        Console.WriteLine($"{"kind",-15} {"fields",7} {"wrong",6} {"target",7} {"threshold",9} {"accepted*",9} {"wrong*",7}");
        int fields = 0, accepted = 0, wrong = 0;
        foreach (var rule in FieldKindRules.All)
        {
            if (!calibration.Kinds.TryGetValue(rule.JsonName, out var kind)) continue;
            double target = review.TargetFor(rule.Kind), threshold = thresholds.For(rule.Kind);
            var point = kind.Risk.LastOrDefault(p => p.Threshold >= threshold);
            (fields, accepted, wrong) = (fields + kind.Samples, accepted + (point?.Accepted ?? 0), wrong + (point?.Wrong ?? 0));
            Console.WriteLine(Row(rule.JsonName, kind.Samples, kind.Wrong, target.ToString("0.000", CultureInfo.InvariantCulture),
                threshold.ToString("0.0000", CultureInfo.InvariantCulture), point?.Accepted ?? 0, point?.Wrong ?? 0));
        }
        Console.WriteLine(Row("all", fields, calibration.Kinds.Values.Sum(k => k.Wrong), "", "", accepted, wrong));
        Console.WriteLine("* on the calibration data, with cross-validated confidences; kinds sharing a target get their thresholds together");
    }

    private static string Row(string kind, int fields, int wrong, string target, string threshold, int accepted, int acceptedWrong) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{kind,-15} {fields,7} {wrong,6} {target,7} {threshold,9} {(double)accepted / Math.Max(1, fields),9:0.000} " +
            $"{(accepted == 0 ? 0 : (double)acceptedWrong / accepted),7:0.0000}");
}
