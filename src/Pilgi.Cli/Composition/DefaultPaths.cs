namespace Pilgi.Cli.Composition;

/// <summary>
/// Where the embedded defaults live: beside the program (copied at build) or, when run from a checkout,
/// in the repository.
/// </summary>
public static class DefaultPaths
{
    public static string Models => Find("models/recognizer") is { } p ? Path.GetDirectoryName(p)! : Path.Combine(AppContext.BaseDirectory, "models");

    public static string SampleForms => Find("samples/forms") ?? Path.Combine(AppContext.BaseDirectory, "samples", "forms");

    private static string? Find(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
