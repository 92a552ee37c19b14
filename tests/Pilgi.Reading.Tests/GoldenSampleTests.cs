using Pilgi.Core.Labels;
using Pilgi.Core.Metrics;

namespace Pilgi.Reading.Tests;

/// <summary>
/// The committed models on the committed sample scans (held-out writers, every layout): the handwriting is found
/// tight enough for IoU 0.8 and the values read match the labels.
/// </summary>
public class GoldenSampleTests
{
    [Fact]
    public async Task Reads_the_sample_scans()
    {
        var reader = Readers.WithRealModels(RepoPaths.SampleTemplates);
        var acc = new EvalAccumulator(0.8);
        var misread = new List<string>();
        foreach (var scan in Directory.GetFiles(Path.Combine(RepoPaths.SampleForms, "scans")).Order(StringComparer.Ordinal))
        {
            var label = LabelLoader.Load(Path.Combine(RepoPaths.SampleForms, "labels", Path.GetFileNameWithoutExtension(scan) + ".json"));
            var result = (await reader.ReadAsync(await File.ReadAllBytesAsync(scan), Path.GetFileName(scan), label.FormType)).Result;
            var template = reader.Templates.Get(label.FormType!).Template;
            var fields = FieldSamples.FromLabels(label, template, result.Fields).ToList();
            acc.AddPage(result.Regions.Select(r => r.Box).ToList(), label.HandwrittenBounds(), fields, 0);
            misread.AddRange(fields.Where(f => TextNormalizer.Normalize(f.Predicted) != TextNormalizer.Normalize(f.Reference))
                .Select(f => $"{Path.GetFileName(scan)} {f.Key}: '{f.Predicted}' for '{f.Reference}'"));
        }
        var report = acc.Report();
        Assert.True(report.Detection.F1 >= GoldenThresholds.DetectionF1, $"detection F1 {report.Detection.F1:0.000}");
        Assert.True(report.Recognition.Cer <= GoldenThresholds.Cer,
            $"CER {report.Recognition.Cer:0.000}; misread:\n{string.Join("\n", misread)}");
        Assert.True(report.Fields.Exact >= GoldenThresholds.FieldsExact,
            $"fields exact {report.Fields.Exact:0.000}; misread:\n{string.Join("\n", misread)}");
    }
}
