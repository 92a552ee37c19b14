using Pilgi.Cli.Terminal;
using Pilgi.Core.Labels;

namespace Pilgi.Cli.Composition;

/// <summary>A labelled folder: <c>scans/</c>, <c>labels/&lt;scan-stem&gt;.json</c> (AI Hub layout) and <c>templates/</c>.</summary>
public sealed class LabelledSet
{
    private LabelledSet(string root, List<(ScanFile Scan, LabelDocument Label)> items)
    {
        Root = root;
        Items = items;
    }

    public string Root { get; }
    public string Templates => Path.Combine(Root, "templates");
    public List<(ScanFile Scan, LabelDocument Label)> Items { get; }

    public static LabelledSet Load(string root, int? limit = null)
    {
        foreach (var sub in new[] { "scans", "labels", "templates" })
            if (!Directory.Exists(Path.Combine(root, sub)))
                throw new UsageException($"{root} has no {sub}/ folder (expected scans/, labels/ and templates/).");
        var items = new List<(ScanFile, LabelDocument)>();
        foreach (var scan in ScanFile.Collect([Path.Combine(root, "scans")]))
        {
            var labelPath = Path.Combine(root, "labels", Path.GetFileNameWithoutExtension(scan.FullPath) + ".json");
            if (!File.Exists(labelPath))
            {
                MaskedConsole.Error($"{scan.RelativePath}: no label at {labelPath}; skipped");
                continue;
            }
            items.Add((scan, LabelLoader.Load(labelPath)));
            if (limit is { } n && items.Count >= n) break;
        }
        if (items.Count == 0) throw new UsageException($"{root}: no labelled scans found.");
        return new LabelledSet(root, items);
    }
}
