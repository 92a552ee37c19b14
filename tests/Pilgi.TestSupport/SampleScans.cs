using Pilgi.Core.Labels;

namespace Pilgi.TestSupport;

/// <summary>One committed sample scan: its layout (= template id), file, blob name under <c>scans/</c> and label.</summary>
public sealed record SampleScan(string Layout, string FilePath)
{
    public string FileName => Path.GetFileName(FilePath);
    public string BlobName => $"{Layout}/{FileName}";
    public byte[] Bytes => File.ReadAllBytes(FilePath);

    public LabelDocument Label() =>
        LabelLoader.Load(Path.Combine(RepoPaths.SampleForms, "labels", Path.ChangeExtension(FileName, ".json")));

    /// <summary>The keys of the fields the label says were filled in by hand.</summary>
    public IReadOnlyList<string> FilledFields() =>
        Label().Boxes.Where(b => b.Handwritten && b.Field is not null).Select(b => b.Field!).Distinct().Order(StringComparer.Ordinal).ToList();
}

public static class SampleScans
{
    public static IReadOnlyList<SampleScan> All { get; } = Directory.GetFiles(Path.Combine(RepoPaths.SampleForms, "scans"))
        .Order(StringComparer.Ordinal)
        .Select(f => new SampleScan(Path.GetFileNameWithoutExtension(f)[..Path.GetFileNameWithoutExtension(f).LastIndexOf('-')], f))
        .ToList();

    public static SampleScan Get(string layout) => All.Single(s => s.Layout == layout);

    public static IEnumerable<object[]> Layouts() => All.Select(s => new object[] { s.Layout });
}
