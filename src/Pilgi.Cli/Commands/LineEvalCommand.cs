using System.Globalization;
using Pilgi.Cli.Composition;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Errors;
using Pilgi.Core.Metrics;
using Pilgi.Core.Raster;
using Pilgi.Core.Templates;
using Pilgi.Reading;

namespace Pilgi.Cli.Commands;

/// <summary>
/// <c>eval --lines &lt;dir&gt;</c>: the recogniser on labelled line crops (<see cref="LabelledLines"/>), each read as the
/// pipeline reads a field's crop (<see cref="ReadingSteps.ReadLinesAsync"/>); CER and exact lines, digits only as well
/// for the kinds that are mostly digits.
/// </summary>
internal static class LineEvalCommand
{
    public static string Usage { get; } =
        "eval --lines <dir> [--kind <kind>] [--report <file.json>] [--mismatches <file.tsv>] [--limit N] [--models <dir>] [--inference <url>]\n" +
        "    Scores the recogniser on line crops: <dir>/labels.tsv has one '<image path relative to <dir>><TAB><text>' per\n" +
        "    row (UTF-8, BOM and CRLF allowed, blank rows ignored). Each crop is read as the pipeline reads the crop of a\n" +
        "    field of <kind>: within its alphabet, then with the checks fusion makes on a field by itself (an RRN's check\n" +
        "    digit or a date that exists choosing among the likeliest readings, a bank name mended), never those needing\n" +
        "    other fields (amount against amount in words). Without --kind: any character, the read as it is. CER and\n" +
        "    exact compare NFC text with all whitespace removed; with rrn, phone, account, date or amount also digits only.\n" +
        "    A malformed labels.tsv (a row without a tab, an empty path, a path out of <dir>) stops the run before any\n" +
        "    image is read (label_invalid with the line number, exit 1). An image that is missing or refused by the\n" +
        "    upload checks (image_missing, image_corrupt, image_too_many_pixels, ...) is reported with its line number\n" +
        "    and skipped: the rest is scored and the run exits 2. --mismatches lists the lines read wrong (path,\n" +
        "    expected, read, confidence). Kinds: " + string.Join(", ", FieldKinds.Names) + ".";

    /// <summary>The reason a row's image is skipped when there is no file to read at its path (not a pipeline reason code).</summary>
    public const string ImageMissing = "image_missing";

    /// <summary>Rows decoded and read at a time: memory stays bounded, and a line reads the same whatever it is read with.</summary>
    private const int Chunk = 256;

    public static async Task<int> RunAsync(string dir, EvalArguments options, ArgumentList args, CancellationToken ct)
    {
        var kindName = args.Get("--kind");
        args.RejectUnknown();
        FieldKind? kind = null;
        if (kindName is not null)
        {
            if (!FieldKinds.TryParse(kindName, out var parsed))
                throw new UsageException($"--kind {kindName}: no such kind; the kinds are {string.Join(", ", FieldKinds.Names)}.");
            kind = parsed;
        }

        var set = LabelledLines.Load(dir, options.Limit);
        using var inference = options.Inference is null ? null : ReaderFactory.Inference(options.Inference);
        var steps = ReaderFactory.LineSteps(options.Models, inference);
        var acc = new LineEvalAccumulator(digits: kind is { } k && LineEvalAccumulator.IsDigitKind(k));
        var mismatches = new List<(LabelledLines.Row Row, LineReading Read)>();
        int done = 0;
        foreach (var chunk in set.Rows.Chunk(Chunk))
        {
            var rows = new List<LabelledLines.Row>(chunk.Length);
            var crops = new List<GrayImage>(chunk.Length);
            foreach (var row in chunk)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    crops.Add(await DecodeAsync(steps, row, ct));
                    rows.Add(row);
                }
                catch (PilgiException e)
                {
                    acc.Skip(row.Line, row.Path, e.Reason, e.Message);
                    MaskedConsole.Error($"{LabelledLines.LabelsFile} line {row.Line}: {e.Reason}: {e.Message} Skipped.");
                }
            }
            var reads = await steps.ReadLinesAsync(crops, kind, ct);
            for (int i = 0; i < rows.Count; i++)
            {
                var score = acc.Add(rows[i].Line, rows[i].Path, rows[i].Text, reads[i].Text, reads[i].Confidence);
                if (!score.Exact) mismatches.Add((rows[i], reads[i]));
            }
            done += chunk.Length;
            if (set.Rows.Count > Chunk) Console.Error.WriteLine($"read {done}/{set.Rows.Count} lines");
        }

        var report = acc.Report() with { Kind = kind?.ToJsonName(), Model = steps.Recognizer.ModelId };
        Print(report);
        if (options.Report is { } reportPath) await EvalOutputs.WriteReportAsync(reportPath, report.ToJson(), ct);
        if (options.Mismatches is { } mismatchesPath)
            await EvalOutputs.WriteMismatchesAsync(mismatchesPath, ["path", "expected", "read", "confidence"],
                mismatches.Select(m => new[] { m.Row.Path, m.Row.Text, m.Read.Text,
                    m.Read.Confidence.ToString("0.000", CultureInfo.InvariantCulture) }).ToList(), "lines", ct);
        return report.Skipped == 0 ? 0 : 2;
    }

    /// <summary>The row's image through the pipeline's guarded decoding (crop limits); refusals name the row's path.</summary>
    private static async Task<GrayImage> DecodeAsync(ReadingSteps steps, LabelledLines.Row row, CancellationToken ct)
    {
        try
        {
            await using var stream = new FileStream(row.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            return (await steps.DecodeAsync(stream, row.Path, ct)).Pages[0];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PilgiException(ImageMissing, $"'{row.Path}' does not exist.", row.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PilgiException(ImageMissing, $"'{row.Path}' cannot be read: {e.Message}", row.Path, e);
        }
    }

    private static void Print(LineEvalReport r)
    {
        Console.WriteLine();
        Console.WriteLine($"lines {r.Lines}{(r.Skipped > 0 ? $" ({r.Skipped} skipped)" : "")}   read as {r.Kind ?? "any text"}   model {r.Model}");
        Console.WriteLine($"CER {r.Cer:0.0000} ({r.Distance} edits in {r.ReferenceLength} characters)   exact {r.Exact:0.000} ({r.ExactLines} of {r.Lines})");
        if (r.Digits is { } d)
            Console.WriteLine($"digits only: CER {d.Cer:0.0000} ({d.Distance} edits in {d.ReferenceLength} digits)   exact {d.Exact:0.000} ({d.ExactLines} of {r.Lines})");
    }
}
