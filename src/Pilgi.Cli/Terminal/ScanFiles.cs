using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Cli.Terminal;

/// <summary>A scan to process and its path relative to what the user named (which shapes the output path).</summary>
public sealed record ScanFile(string FullPath, string RelativePath)
{
    /// <summary>The parent folder's name, which may name the template (<c>&lt;templateId&gt;/x.jpg</c>).</summary>
    public string? ParentFolderName => Path.GetFileName(Path.GetDirectoryName(FullPath));

    /// <summary>Files and folders (walked recursively, in a stable order) as scans.</summary>
    public static List<ScanFile> Collect(IEnumerable<string> inputs)
    {
        var scans = new List<ScanFile>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Where(ScanJob.IsScanName) // the extensions the storage contract takes
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var f in files)
                    scans.Add(new ScanFile(f, Path.GetRelativePath(root, f).Replace('\\', '/')));
            }
            else if (File.Exists(input))
            {
                scans.Add(new ScanFile(Path.GetFullPath(input), Path.GetFileName(input)));
            }
            else
            {
                throw new UsageException($"No such file or folder: {input}");
            }
        }
        return scans;
    }
}
