using System.Globalization;
using Pilgi.Cli.Terminal;
using Pilgi.Core.Fusion.Confidence;
using Pilgi.Core.Templates;

namespace Pilgi.Cli.Composition;

/// <summary>
/// Fields' evidence as TSV (<c>kind</c>, <c>right</c>, the features by name, then the <c>scan</c> it was read from), to
/// fit again without reading. Files written before the scan column was added are read too.
/// </summary>
internal static class CalibrationSamplesFile
{
    public static void Write(string path, IReadOnlyList<CalibrationSample> samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var lines = samples.Select(s => string.Join('\t',
            new[] { s.Kind.ToJsonName(), s.Right ? "1" : "0" }.Concat(s.Features.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
                .Append(Clean(s.Scan))));
        File.WriteAllLines(path, lines.Prepend(string.Join('\t', new[] { "kind", "right" }.Concat(ConfidenceFeatures.Names).Append(ScanColumn))));
    }

    public static IReadOnlyList<CalibrationSample> Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"No samples file at {path}.");
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split('\t') : [];
        bool hasScan = header.Length > 0 && header[^1] == ScanColumn;
        if (!header.Skip(2).Take(header.Length - 2 - (hasScan ? 1 : 0)).SequenceEqual(ConfidenceFeatures.Names))
            throw new UsageException($"{path} holds other features than this build computes: read the forms again.");
        var samples = new List<CalibrationSample>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            if (cells.Length != header.Length || !FieldKinds.TryParse(cells[0], out var kind))
                throw new UsageException($"{path}: a malformed line: {line}");
            var v = cells.Skip(2).Take(ConfidenceFeatures.Names.Count).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            samples.Add(new CalibrationSample(kind, ConfidenceFeatures.FromArray(v), cells[1] == "1",
                hasScan && cells[^1].Length > 0 ? cells[^1] : null));
        }
        return samples;
    }

    private const string ScanColumn = "scan";

    /// <summary>A scan's name as one TSV cell (empty where unknown).</summary>
    private static string Clean(string? scan) => scan is null ? "" : scan.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
